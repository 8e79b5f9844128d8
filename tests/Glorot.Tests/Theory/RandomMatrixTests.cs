using Glorot.Probes;
using Glorot.Random;
using Glorot.Theory;

namespace Glorot.Tests.Theory;

public class RandomMatrixTests
{
    [Fact]
    public void Square_matrices_follow_the_quarter_circle_law_8_over_3_pi()
    {
        Assert.Equal(8 / (3 * Math.PI), RandomMatrix.MeanSingularValue(1000, 1000, 1.0 / 1000), 6);
        // Paper §4.2.2 ("0.8" / "0.5"): 0.849 at n·Var[W] = 1 (normalized), ×√(1/3) ≈ 0.49 for the standard
        // init.
        Assert.Equal(0.849, RandomMatrix.MeanSingularValue(1000, 1000, 1.0 / 1000), 3);
        Assert.Equal(0.490, RandomMatrix.MeanSingularValue(1000, 1000, 1.0 / 3000), 3);
    }

    [Theory]
    [InlineData(300, 300)]
    [InlineData(150, 300)]
    [InlineData(300, 100)]
    public void Marchenko_Pastur_mean_matches_the_svd_of_a_gaussian_matrix(int rows, int cols)
    {
        var random = new RandomStream(11, (ulong)rows * 7 + (ulong)cols);
        double v = 2.0 / (rows + cols);
        var w = new float[rows * cols];
        for (int i = 0; i < w.Length; i++) w[i] = (float)(random.NextGaussian() * Math.Sqrt(v));
        double measured = JacobianSpectrum.MeanSingularValue(w, rows, cols, Enumerable.Repeat(1f, rows).ToArray());
        // Finite-size corrections at n = 100–300 are O(1/n) ≈ 1 %, fluctuations smaller still: 2 % tolerance.
        Assert.Equal(1, measured / RandomMatrix.MeanSingularValue(rows, cols, v), 0.02);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomMatrix.MeanSingularValue(0, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomMatrix.MeanSingularValue(3, 3, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomMatrix.MeanSqrtMarchenkoPastur(1.5));
    }
}
