using Glorot.Kernels;
using Glorot.Probes;
using Glorot.Random;
using Glorot.Tests.Kernels;
using MathNet.Numerics.LinearAlgebra;

namespace Glorot.Tests.Probes;

public class JacobianSpectrumTests
{
    public static TheoryData<string, int, int> PathsAndShapes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var path in new[] { GemmPath.Vector512, GemmPath.Vector256, GemmPath.Portable })
            if (GemmPaths.IsSupported(path))
                foreach (var (rows, cols) in new[] { (1, 1), (12, 12), (7, 15), (15, 7), (61, 45) }) data.Add(path.ToString(), rows, cols);
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndShapes))]
    public void Singular_values_match_a_double_precision_svd(string pathName, int rows, int cols)
    {
        var path = GemmTestData.Path(pathName);
        var (w, slopes) = Layer(rows, cols);
        var j = Matrix<double>.Build.Dense(rows, cols, (r, c) => (double)slopes[r] * w[r * cols + c]);
        var expected = j.Svd(computeVectors: false).S.ToArray();
        double[] actual;
        using (Gemm.Use(path, threads: 2)) actual = JacobianSpectrum.SingularValues(w, rows, cols, slopes);
        Assert.Equal(Math.Min(rows, cols), actual.Length);
        // Double-precision Gram: |Δσ_i| ≈ ε·n·σ_max²/σ_i (class remarks); these matrices have σ_max/σ_min < 100.
        for (int i = 0; i < actual.Length; i++) Assert.Equal(expected[i], actual[i], 1e-9 * expected[0] * expected[0] / expected[i]);
        Assert.Equal(expected.Average(), JacobianSpectrum.MeanSingularValue(w, rows, cols, slopes), 1e-9);
    }

    [Fact]
    public void The_spectrum_does_not_depend_on_the_thread_count()
    {
        var (w, slopes) = Layer(90, 130);
        double[] Spectrum(int threads)
        {
            using (ComputePool.AssumeProcessors(8))
            using (Gemm.Use(threads: threads))
                return JacobianSpectrum.SingularValues(w, 90, 130, slopes);
        }
        Assert.Equal(Spectrum(1), Spectrum(4));
    }

    [Fact]
    public void A_rank_deficient_jacobian_has_zero_singular_values()
    {
        // Two rows of slope 0 (saturated units): rank 3 of 5, so two singular values are 0 up to rounding
        // (√(ε·σ_max²) ≈ 1e-8·σ_max through the Gram matrix).
        var (w, slopes) = Layer(5, 8);
        slopes[1] = slopes[3] = 0;
        var values = JacobianSpectrum.SingularValues(w, 5, 8, slopes);
        Assert.All(values[..3], v => Assert.True(v > 0.1));
        Assert.All(values[3..], v => Assert.InRange(v, 0, 1e-7 * values[0]));
    }

    [Fact]
    public void Wrong_shapes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => JacobianSpectrum.SingularValues(new float[5], 2, 3, new float[2]));
        Assert.Throws<ArgumentException>(() => JacobianSpectrum.SingularValues(new float[6], 2, 3, new float[3]));
    }

    private static (float[] W, float[] Slopes) Layer(int rows, int cols)
    {
        var random = new RandomStream(3, (ulong)(rows * 100 + cols));
        var w = new float[rows * cols];
        for (int i = 0; i < w.Length; i++) w[i] = (float)random.NextGaussian();
        var slopes = new float[rows];
        for (int i = 0; i < rows; i++) slopes[i] = (float)random.NextDouble(0.2, 1);
        return (w, slopes);
    }
}
