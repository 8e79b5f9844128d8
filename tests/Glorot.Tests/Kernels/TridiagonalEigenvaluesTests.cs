using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public class TridiagonalEigenvaluesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(300)]
    public void The_second_difference_matrix_has_eigenvalues_2_minus_2cos(int n)
    {
        // tridiag(−1, 2, −1) of order n: λ_k = 2 − 2·cos(kπ/(n+1)), k = 1…n (Strang, Linear Algebra, §1.5).
        var d = Enumerable.Repeat(2.0, n).ToArray();
        var e = Enumerable.Repeat(-1.0, Math.Max(n - 1, 0)).ToArray();
        TridiagonalEigenvalues.Solve(d, e, n);
        for (int k = 1; k <= n; k++)
            Assert.Equal(2 - 2 * Math.Cos(k * Math.PI / (n + 1)), d[k - 1], 1e-13);
    }

    [Fact]
    public void A_split_matrix_keeps_each_blocks_eigenvalues()
    {
        // Zero couplings split the matrix into [5], [[1, 2], [2, 1]] (eigenvalues −1, 3) and [−4].
        var d = new[] { 5.0, 1, 1, -4 };
        var e = new[] { 0.0, 2, 0 };
        TridiagonalEigenvalues.Solve(d, e, 4);
        Assert.Equal(new[] { -4.0, -1, 3, 5 }, d.Select(x => Math.Round(x, 12)));
    }
}
