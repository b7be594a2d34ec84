namespace RnnNotebooks.Nn;

/// <summary>Checks of the sizes a layer is built with, before anything is allocated.</summary>
internal static class Sizes
{
    /// <summary>Throws naming <paramref name="name"/> unless <paramref name="value"/> is at least 1.</summary>
    public static int Positive(string owner, string name, int value) => value >= 1 ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{owner}: {name} must be at least 1, got {value}.");

    /// <summary>Throws unless a tensor of <paramref name="elements"/> elements can be allocated.</summary>
    public static void Allocatable(string owner, string name, int value, double elements, string what)
    {
        if (elements > Array.MaxLength)
            throw new ArgumentOutOfRangeException(name, value,
                $"{owner}: {name} = {value} makes {what} of {elements:N0} elements; a tensor holds at most {Array.MaxLength:N0}.");
    }

    /// <summary>Checks the sizes of a recurrent layer of <paramref name="gates"/> gate blocks before <see cref="RNNBase{T}"/> builds it.</summary>
    public static string Recurrent(string kind, string name, int inputSize, int hiddenSize, int numLayers, bool bidirectional, int gates)
    {
        string owner = $"{kind} '{name}'";
        Positive(owner, nameof(inputSize), inputSize);
        Positive(owner, nameof(hiddenSize), hiddenSize);
        Positive(owner, nameof(numLayers), numLayers);
        // Sizes in double: a product of two huge ints overflows a long.
        double rows = (double)gates * hiddenSize, dirs = bidirectional ? 2 : 1;
        Allocatable(owner, nameof(hiddenSize), hiddenSize, rows * dirs * hiddenSize, "weight_hh or a layer's weight_ih");
        Allocatable(owner, nameof(inputSize), inputSize, rows * inputSize, "weight_ih_l0");
        // Every layer above the first reads both directions of the one below; the whole stack must stay in an array's index range too.
        double perLayer = dirs * (rows * (dirs * hiddenSize) + rows * hiddenSize + 2 * rows);
        double total = dirs * (rows * inputSize + rows * hiddenSize + 2 * rows) + (numLayers - 1.0) * perLayer;
        Allocatable(owner, nameof(numLayers), numLayers, total, $"{numLayers} layers");
        return name;
    }
}
