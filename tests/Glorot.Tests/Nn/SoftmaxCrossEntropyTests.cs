using Glorot.Nn;

namespace Glorot.Tests.Nn;

public class SoftmaxCrossEntropyTests
{
    [Fact]
    public void Loss_and_gradient_match_the_definition()
    {
        float[] logits = [0.5f, -1.25f, 2f, 0.1f, 0.2f, 0.3f];
        int[] labels = [2, 0];
        var gradient = new float[6];
        double loss = SoftmaxCrossEntropy.LossAndGradient(logits, labels, 3, gradient, out int correct);
        double expected = 0;
        for (int b = 0; b < 2; b++)
        {
            double sum = 0;
            for (int j = 0; j < 3; j++) sum += Math.Exp(logits[b * 3 + j]);
            expected += -Math.Log(Math.Exp(logits[b * 3 + labels[b]]) / sum);
            for (int j = 0; j < 3; j++)
                Assert.Equal(Math.Exp(logits[b * 3 + j]) / sum - (j == labels[b] ? 1 : 0), gradient[b * 3 + j], 6);
        }
        Assert.Equal(expected, loss, 12);
        Assert.Equal(1, correct); // row 0 predicts class 2 (right), row 1 class 2 (label 0)
    }

    [Fact]
    public void Huge_logits_give_finite_loss_and_gradient()
    {
        float[] logits = [3e38f, -3e38f, 1e30f, -1e30f, 0f, 1e30f];
        int[] labels = [0, 0];
        var gradient = new float[6];
        double loss = SoftmaxCrossEntropy.LossAndGradient(logits, labels, 3, gradient, out _);
        // Row 0: the label holds the largest logit by far → loss 0. Row 1: loss = 1e30 − (−1e30) = 2e30.
        Assert.Equal(2e30, loss, 2e30 * 1e-6);
        Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
        Assert.Equal([0f, 0f, 0f, -1f, 0f, 1f], gradient);
    }

    [Fact]
    public void Gradient_rows_sum_to_zero_and_may_overwrite_the_logits()
    {
        float[] logits = [1f, 2f, 3f, 4f, -5f, 6f, 0f, 0f];
        var copy = (float[])logits.Clone();
        var gradient = new float[8];
        SoftmaxCrossEntropy.LossAndGradient(copy, [3, 1], 4, gradient, out _);
        SoftmaxCrossEntropy.LossAndGradient(logits, [3, 1], 4, logits, out _);
        Assert.Equal(gradient, logits);
        Assert.Equal(0, gradient[..4].Sum(), 6);
        Assert.Equal(0, gradient[4..].Sum(), 6);
    }

    [Fact]
    public void Label_out_of_range_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SoftmaxCrossEntropy.LossAndGradient(new float[3], [3], 3, new float[3], out _));
        Assert.Contains("0..2", ex.Message);
    }
}
