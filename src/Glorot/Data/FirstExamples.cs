namespace Glorot.Data;

/// <summary>
/// The first examples of a split, in order: what a probe set, an evaluation set and LSUV's batch are made of
/// (Glorot &amp; Bengio 2010 §4.2 probe "300 fixed test examples"; Mishkin &amp; Matas 2016 take one minibatch).
/// </summary>
internal static class FirstExamples
{
    /// <summary>Examples 0 … <paramref name="count"/> − 1 of <paramref name="data"/>: inputs [count × InputSize] row-major, labels [count].</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or more than the split holds.</exception>
    public static (float[] Inputs, int[] Labels) Read(IDataset data, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (count < 0 || count > data.Count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"{data.Name} holds {data.Count} examples.");
        var indices = new long[count];
        for (int i = 0; i < count; i++) indices[i] = i;
        var inputs = new float[(long)count * data.InputSize];
        var labels = new int[count];
        data.Fill(indices, inputs, labels);
        return (inputs, labels);
    }
}
