using Glorot.Kernels;
using Glorot.Random;
using MathNet.Numerics.LinearAlgebra;

namespace Glorot.Tests.Kernels;

public class HouseholderTridiagonalTests
{
    public static TheoryData<string, int> PathsAndSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in new[] { GemmPath.Vector512, GemmPath.Vector256, GemmPath.Portable })
            if (GemmPaths.IsSupported(path))
                foreach (var n in new[] { 1, 2, 3, 9, 40, 101 }) data.Add(path.ToString(), n);
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndSizes))]
    public void Reduction_and_QL_give_the_eigenvalues_of_a_symmetric_matrix(string pathName, int n)
    {
        var path = GemmTestData.Path(pathName);
        var random = new RandomStream(11, (ulong)n);
        var a = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextGaussian());
        a = a + a.Transpose();
        var expected = a.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().ToArray();
        var work = a.ToRowMajorArray();
        var d = new double[n];
        var e = new double[Math.Max(n - 1, 0)];
        HouseholderTridiagonal.Reduce(work, n, d, e, path, threads: 2);
        TridiagonalEigenvalues.Solve(d, e, n);
        // Both are backward stable: |Δλ| ≲ n·ε·‖A‖ with ‖A‖ ≈ 2·√(2n) for this Wigner-like matrix.
        double bound = n * 1.1e-16 * 4 * Math.Sqrt(n) * 10;
        for (int i = 0; i < n; i++) Assert.Equal(expected[i], d[i], bound);
    }

    [Fact]
    public void A_diagonal_matrix_stays_as_it_is()
    {
        var a = new double[] { 3, 0, 0, 0, -1, 0, 0, 0, 2 };
        var d = new double[3];
        var e = new double[2];
        HouseholderTridiagonal.Reduce(a, 3, d, e, GemmPaths.Best, threads: 1);
        Assert.Equal(new[] { 3.0, -1, 2 }, d);
        Assert.Equal(new[] { 0.0, 0 }, e);
    }

    [Fact]
    public void The_bits_do_not_depend_on_the_thread_count()
    {
        // 300 rows: the first sweeps are long enough (≥ 256 rows) to be split across threads.
        const int n = 300;
        var random = new RandomStream(5, 0);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = random.NextGaussian();
        double[] Reduce(int threads)
        {
            var d = new double[n];
            var e = new double[n - 1];
            using (ComputePool.AssumeProcessors(8)) HouseholderTridiagonal.Reduce((double[])a.Clone(), n, d, e, GemmPaths.Best, threads);
            return [.. d, .. e];
        }
        var one = Reduce(1);
        Assert.Equal(one, Reduce(2));
        Assert.Equal(one, Reduce(5));
    }
}
