using Glorot.Kernels;
using Glorot.Random;

namespace Glorot.Tests.Kernels;

public class GramMatrixTests
{
    public static TheoryData<string, int, int> PathsAndShapes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var path in new[] { GemmPath.Vector512, GemmPath.Vector256, GemmPath.Portable })
            if (GemmPaths.IsSupported(path))
                foreach (var (n, length) in new[] { (1, 1), (3, 5), (5, 17), (8, 8), (13, 31), (30, 100) }) data.Add(path.ToString(), n, length);
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndShapes))]
    public void Every_entry_is_the_dot_product_of_two_rows(string pathName, int n, int length)
    {
        var path = GemmTestData.Path(pathName);
        var random = new RandomStream(2, (ulong)(n * 1000 + length));
        var x = new double[(n + 3) / 4 * 4 * length];
        for (int i = 0; i < n * length; i++) x[i] = random.NextGaussian();
        var g = new double[n * n];
        GramMatrix.Compute(x, n, length, g, path, threads: 2);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double dot = 0;
                for (int k = 0; k < length; k++) dot += x[i * length + k] * x[j * length + k];
                // Sums of `length` products of unit Gaussians, differently ordered: rounding ≲ length·ε·√length.
                Assert.Equal(dot, g[i * n + j], length * Math.Sqrt(length) * 1e-15);
                Assert.Equal(g[j * n + i], g[i * n + j]);
            }
    }

    [Fact]
    public void The_bits_do_not_depend_on_the_thread_count()
    {
        const int n = 37, length = 77;
        var random = new RandomStream(9, 0);
        var x = new double[40 * length];
        for (int i = 0; i < n * length; i++) x[i] = random.NextGaussian();
        double[] Gram(int threads)
        {
            var g = new double[n * n];
            using (ComputePool.AssumeProcessors(8)) GramMatrix.Compute(x, n, length, g, GemmPaths.Best, threads);
            return g;
        }
        Assert.Equal(Gram(1), Gram(3));
    }
}
