using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Training;

/// <summary>
/// The checks that turn a silent divergence into a clear stop: a forward pass whose output is NaN or
/// ±∞ is traced to the first layer that overflowed, and each optimizer step is checked for weights
/// that became non-finite and measured (|Δθ| / |θ|) so the trainer can warn about oversized steps.
/// </summary>
internal sealed class DivergenceGuard<T>(Module<T> model, Optimizer<T> optimizer) where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[][]? _before;

    /// <summary>Size of the last step: |Δθ| / |θ| over all parameters, and the parameter that moved most relative to its size.</summary>
    public readonly record struct StepSize(double Ratio, string Largest, double LargestRatio);

    /// <summary>
    /// The model's output; when it (or a layer on the way) is not finite, finds the first layer whose
    /// output overflowed from finite inputs and names it, with the largest weight of the model.
    /// </summary>
    public Tensor<T> Forward(Tensor<T> x, string where, int epoch, int batch)
    {
        Tensor<T> prediction;
        try { prediction = model.forward(x); }
        catch (ActivationOverflowException e)
        {
            throw Overflowed(e, where, epoch, batch);
        }
        catch (ArgumentException e) when (e is not ShapeException && Diagnose(x, where, epoch, batch) is { } diverged)
        {
            throw diverged;
        }
        if (prediction.IndexOfNonFinite() >= 0) throw Diagnose(x, where, epoch, batch)!;
        return prediction;
    }

    private static string Stopped(int epoch) => epoch > 0 ? "Training stopped at" : "Stopped at";

    private TrainingDivergedException Overflowed(ActivationOverflowException e, string where, int epoch, int batch) =>
        new(epoch, batch, e.Value, FormattableString.Invariant(
            $"{Stopped(epoch)} {where}: layer '{e.Layer}' ({e.Kind}) output {e.Value} at {e.Index} from finite inputs: ") +
            $"its activations overflowed. {LargestWeight()}. {TrainingDivergedException.Advice}", e.Layer);

    private TrainingDivergedException? Diagnose(Tensor<T> x, string where, int epoch, int batch)
    {
        if (x.IndexOfNonFinite() >= 0) return null; // the caller's own input: the layer's message says so
        // A chain of modules is replayed layer by layer to find the one that overflowed; any other model is one step.
        var layers = model is Sequential<T> chain ? chain.named_children().ToList() : [(model.Name, model)];
        var h = x;
        foreach (var (name, layer) in layers)
        {
            try { h = layer.forward(h); }
            catch (ActivationOverflowException e) { return Overflowed(e, where, epoch, batch); }
            catch (ArgumentException) { return null; }
            int bad = h.IndexOfNonFinite();
            if (bad < 0) continue;
            double value = double.CreateTruncating(h.Data[bad]);
            string kind = layer.GetType().Name.Split('`')[0];
            string what = ReferenceEquals(layer, model) ? $"the output of model '{name}' ({kind})" : $"layer '{name}' ({kind}) output";
            return new TrainingDivergedException(epoch, batch, value, FormattableString.Invariant(
                $"{Stopped(epoch)} {where}: {what} {value} at {h.FormatIndex(bad)} from finite inputs: ") +
                $"its activations overflowed. {LargestWeight()}. {TrainingDivergedException.Advice}", name);
        }
        return null;
    }

    private string LargestWeight()
    {
        string name = "";
        double max = 0;
        foreach (var (n, p) in model.named_parameters())
            foreach (var v in p.Value.Data)
            {
                double a = Math.Abs(double.CreateTruncating(v));
                if (a > max || double.IsNaN(a)) { max = a; name = n; }
            }
        return FormattableString.Invariant($"Largest weight: |{name}| = {max:G3} (learning rate {optimizer.LearningRate:G3})");
    }

    /// <summary>Copies the weights before a step.</summary>
    public void Snapshot(List<(string name, Parameter<T> parameter)> parameters)
    {
        if (_before is null || _before.Length != parameters.Count) _before = new T[parameters.Count][];
        for (int i = 0; i < parameters.Count; i++)
        {
            var data = parameters[i].parameter.Value.Data;
            if (_before[i]?.Length != data.Length) _before[i] = new T[data.Length];
            data.CopyTo(_before[i], 0);
        }
    }

    /// <summary>Throws on a weight the step made non-finite; otherwise returns how far the step moved the weights.</summary>
    public StepSize CheckStep(List<(string name, Parameter<T> parameter)> parameters, string where, int epoch, int batch)
    {
        double moved = 0, size = 0, worst = 0;
        string worstName = "";
        for (int i = 0; i < parameters.Count; i++)
        {
            var (name, p) = parameters[i];
            var now = p.Value.Data;
            var before = _before![i];
            double d2 = 0, w2 = 0;
            for (int k = 0; k < now.Length; k++)
            {
                double a = double.CreateTruncating(now[k]), b = double.CreateTruncating(before[k]);
                if (!double.IsFinite(a))
                    throw new TrainingDivergedException(epoch, batch, a, FormattableString.Invariant(
                        $"{Stopped(epoch)} {where}: the optimizer step made weight '{name}' {a} at {p.Value.FormatIndex(k)} ") +
                        FormattableString.Invariant($"(it was {b:G3}; learning rate {optimizer.LearningRate:G3}). {TrainingDivergedException.Advice}"), name);
                d2 += (a - b) * (a - b);
                w2 += b * b;
            }
            moved += d2;
            size += w2;
            if (w2 > 0 && d2 / w2 > worst) { worst = d2 / w2; worstName = name; }
        }
        return new StepSize(size > 0 ? Math.Sqrt(moved / size) : 0, worstName, Math.Sqrt(worst));
    }
}
