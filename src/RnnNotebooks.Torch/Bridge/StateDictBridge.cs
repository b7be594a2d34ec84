using System.Numerics;
using RnnNotebooks.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Bridge;

/// <summary>
/// Moves weights between a scratch model and its TorchSharp twin. Both name their parameters the
/// PyTorch way (<c>rnn.weight_ih_l0</c>, <c>linear.bias</c>, …), so a state dict is simply a
/// name → tensor mapping that both sides read and write.
/// </summary>
public static class StateDictBridge
{
    /// <summary>TorchSharp copies of scratch tensors, by name.</summary>
    public static Dictionary<string, torch.Tensor> ToTorch<T>(IReadOnlyDictionary<string, Tensor<T>> state, Device? device = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        state.ToDictionary(kv => kv.Key, kv => TensorBridge.ToTorch(kv.Value, device));

    /// <summary>Scratch copies of TorchSharp tensors, by name.</summary>
    public static Dictionary<string, Tensor<T>> ToScratch<T>(IReadOnlyDictionary<string, torch.Tensor> state)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        state.ToDictionary(kv => kv.Key, kv => TensorBridge.ToScratch<T>(kv.Value));

    /// <summary>
    /// Copies scratch weights into a TorchSharp module's parameters. Every name must be one of the
    /// module's parameters with the same shape, and every parameter must be given.
    /// </summary>
    public static void Load<T>(nn.Module module, IReadOnlyDictionary<string, Tensor<T>> state)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        string owner = module.GetName();
        foreach (var (name, value) in state)
        {
            if (!parameters.TryGetValue(name, out var p))
                throw new KeyNotFoundException($"{owner}: unknown parameter '{name}'. Known: {Cut(string.Join(", ", parameters.Keys))}.");
            long[] shape = value.Shape.Select(d => (long)d).ToArray();
            if (!p.shape.SequenceEqual(shape))
                throw new ArgumentException($"{owner}: parameter '{name}' has shape {Format(p.shape)}, the state holds {Format(shape)}.", nameof(state));
        }
        var missing = parameters.Keys.Where(k => !state.ContainsKey(k)).ToList();
        if (missing.Count > 0) throw new KeyNotFoundException($"{owner}: the state lacks {Cut(string.Join(", ", missing))}.");
        using (torch.no_grad())
            foreach (var (name, value) in state)
            {
                using var source = TensorBridge.ToTorch(value);
                parameters[name].copy_(source);
            }
    }

    /// <summary>The module's parameter values as scratch tensors, by name.</summary>
    public static Dictionary<string, Tensor<T>> Read<T>(nn.Module module) where T : unmanaged, IFloatingPointIeee754<T> =>
        module.named_parameters().ToDictionary(p => p.name, p => TensorBridge.ToScratch<T>(p.parameter));

    /// <summary>The module's parameter gradients as scratch tensors, by name (zeros where no gradient was computed).</summary>
    public static Dictionary<string, Tensor<T>> Gradients<T>(nn.Module module) where T : unmanaged, IFloatingPointIeee754<T> =>
        module.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad is { } g
            ? TensorBridge.ToScratch<T>(g)
            : new Tensor<T>(p.parameter.shape.Select(d => (int)d).ToArray()));

    private static string Format(long[] shape) => "[" + string.Join(", ", shape) + "]";

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
