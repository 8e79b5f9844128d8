namespace Glorot.Nn;

/// <summary>
/// Softmax followed by the negative log-likelihood −log P(y|x), fused: one pass computes the loss and its
/// gradient with respect to the logits. Stable for any finite logits: log Σ e^{s_j} = m + log Σ e^{s_j − m},
/// m = max_j s_j (log-sum-exp), so nothing overflows.
/// </summary>
internal static class SoftmaxCrossEntropy
{
    /// <summary>
    /// logits, gradient: (B × C) row-major; labels: (B), each in [0, C). Writes the per-example gradient
    /// ∂(−log P(y_b|x_b))/∂s_b = softmax(s_b) − onehot(y_b) into <paramref name="gradient"/> (which may be
    /// <paramref name="logits"/>) and returns the sum over the batch of −log P(y_b|x_b), in double; NaN or ∞
    /// when a logit is. <paramref name="correct"/> counts rows whose first largest logit is the label.
    /// </summary>
    public static double LossAndGradient(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes,
        Span<float> gradient, out int correct)
    {
        int batch = labels.Length;
        if (classes <= 0) throw new ArgumentOutOfRangeException(nameof(classes), classes, "There must be at least one class.");
        if (logits.Length < batch * classes || gradient.Length < batch * classes)
            throw new ArgumentException($"Logits and gradient must hold {batch} × {classes} values.");
        double total = 0;
        correct = 0;
        for (int b = 0; b < batch; b++)
        {
            int y = labels[b];
            if ((uint)y >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), y, $"Label of row {b} is {y}; classes are 0..{classes - 1}.");
            var row = logits.Slice(b * classes, classes);
            var grad = gradient.Slice(b * classes, classes);
            int argmax = Classification.ArgMax(row);
            float max = row[argmax];
            if (argmax == y) correct++;
            double sum = 0;
            for (int j = 0; j < classes; j++) sum += Math.Exp((double)row[j] - max);
            double logSumExp = max + Math.Log(sum);
            total += logSumExp - row[y];
            for (int j = 0; j < classes; j++)
                grad[j] = (float)Math.Exp(row[j] - logSumExp) - (j == y ? 1f : 0f);
        }
        return total;
    }
}
