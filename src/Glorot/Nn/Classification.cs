namespace Glorot.Nn;

/// <summary>
/// The predicted class of a row of logits and the count of correct predictions: what the classification error of
/// Glorot &amp; Bengio (2010, Table 1) counts. Ties go to the lowest class, as numpy's and PyTorch's argmax do.
/// </summary>
internal static class Classification
{
    /// <summary>The index of the largest value (the first one on a tie; 0 when the first is NaN and none is larger).</summary>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int c = 1; c < row.Length; c++)
            if (row[c] > row[best]) best = c;
        return best;
    }

    /// <summary>How many rows of <paramref name="logits"/> [labels.Length × classes] have their argmax at their label.</summary>
    public static int CountCorrect(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes)
    {
        int correct = 0;
        for (int r = 0; r < labels.Length; r++)
            if (ArgMax(logits.Slice(r * classes, classes)) == labels[r]) correct++;
        return correct;
    }
}
