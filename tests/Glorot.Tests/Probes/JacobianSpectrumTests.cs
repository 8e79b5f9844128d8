using Glorot.Probes;
using Glorot.Random;
using MathNet.Numerics.LinearAlgebra;

namespace Glorot.Tests.Probes;

public class JacobianSpectrumTests
{
    [Theory]
    [InlineData(12, 12)]
    [InlineData(7, 15)]
    [InlineData(15, 7)]
    public void Singular_values_match_a_double_precision_svd(int rows, int cols)
    {
        var random = new RandomStream(3, (ulong)(rows * 100 + cols));
        var w = new float[rows * cols];
        for (int i = 0; i < w.Length; i++) w[i] = (float)random.NextGaussian();
        var slopes = new float[rows];
        for (int i = 0; i < rows; i++) slopes[i] = (float)random.NextDouble(0.2, 1);
        var j = Matrix<double>.Build.Dense(rows, cols, (r, c) => (double)slopes[r] * w[r * cols + c]);
        var expected = j.Svd(computeVectors: false).S.ToArray();
        var actual = JacobianSpectrum.SingularValues(w, rows, cols, slopes);
        Assert.Equal(Math.Min(rows, cols), actual.Length);
        // Gram matrix in float: relative error ≈ 1e-7·κ on λ, so ≈ 1e-4 absolute on σ for these well-scaled matrices.
        for (int i = 0; i < actual.Length; i++) Assert.Equal(expected[i], actual[i], 3);
        Assert.Equal(expected.Average(), JacobianSpectrum.MeanSingularValue(w, rows, cols, slopes), 3);
    }

    [Fact]
    public void Wrong_shapes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => JacobianSpectrum.SingularValues(new float[5], 2, 3, new float[2]));
        Assert.Throws<ArgumentException>(() => JacobianSpectrum.SingularValues(new float[6], 2, 3, new float[3]));
    }
}
