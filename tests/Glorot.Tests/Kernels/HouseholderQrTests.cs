using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public class HouseholderQrTests
{
    public static TheoryData<string, int, int> PathsAndShapes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var path in new[] { GemmPath.Vector512, GemmPath.Vector256, GemmPath.Portable })
            if (GemmPaths.IsSupported(path))
                foreach (var (n, m) in new[] { (1, 1), (1, 9), (5, 5), (63, 70), (64, 64), (65, 200), (130, 131) })
                    data.Add(path.ToString(), n, m);
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndShapes))]
    public void Q_is_orthonormal_and_QT_A_is_upper_triangular_with_a_positive_diagonal(string path, int n, int m)
    {
        // A = Q·R with R = Qᵀ·A: checks that Q is A's own factor (R triangular, diag R > 0), not just orthonormal.
        var a = GemmTestData.Uniform(n * m, (ulong)(n * 1000 + m), 0);   // Aᵀ, n × m
        var qt = new float[n * m];
        using (Gemm.Use(GemmTestData.Path(path), threads: 2)) HouseholderQr.OrthonormalFactor((float[])a.Clone(), n, m, qt);
        double scale = Math.Sqrt(m / 3.0); // ‖a column‖ for entries uniform in [−1, 1)
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double qq = 0, r = 0;
                for (int k = 0; k < m; k++)
                {
                    qq += (double)qt[i * m + k] * qt[j * m + k];
                    r += (double)qt[i * m + k] * a[j * m + k];   // R_ij = q_i · a_j
                }
                // Float Householder QR: ‖QᵀQ − I‖ and ‖A − QR‖/‖A‖ grow like c·n·2⁻²⁴ (Higham, Accuracy and Stability, §19.3).
                Assert.True(Math.Abs(qq - (i == j ? 1 : 0)) < 1e-5, $"<q{i}, q{j}> = {qq}");
                if (i > j) Assert.True(Math.Abs(r) < 1e-5 * scale, $"R[{i},{j}] = {r}");
                if (i == j) Assert.True(r > 0, $"R[{i},{i}] = {r}");
            }
    }

    [Fact]
    public void A_wide_matrix_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => HouseholderQr.OrthonormalFactor(new float[6], 3, 2, new float[6]));
    }
}
