using Glorot.Kernels;
using Glorot.Random;

namespace Glorot.Tests.Kernels;

/// <summary>Random operands and the accuracy check shared by the GEMM tests.</summary>
internal static class GemmTestData
{
    /// <summary>
    /// The kernel paths this CPU can run (Portable always), by name, for theories over every path (the enum is
    /// internal, so theories take its name and <see cref="Path"/> parses it).
    /// </summary>
    public static TheoryData<string> SupportedPaths()
    {
        var data = new TheoryData<string>();
        foreach (var path in new[] { GemmPath.Vector512, GemmPath.Vector256, GemmPath.Portable })
            if (GemmPaths.IsSupported(path)) data.Add(path.ToString());
        return data;
    }

    /// <summary>The path a theory's name stands for.</summary>
    public static GemmPath Path(string name) => Enum.Parse<GemmPath>(name);

    /// <summary>length floats uniform in [−1, 1), drawn from (seed, stream).</summary>
    public static float[] Uniform(int length, ulong seed, ulong stream)
    {
        var rng = new RandomStream(seed, stream);
        var values = new float[length];
        for (var i = 0; i < values.Length; i++) values[i] = 2f * rng.NextFloat() - 1f;
        return values;
    }

    /// <summary>Floats a row-major rows × cols matrix with leading dimension ld occupies (at least 1).</summary>
    public static int Size(int rows, int cols, int ld) => rows == 0 ? 1 : (rows - 1) * ld + cols + 1;

    /// <summary>
    /// Asserts every element of C (m × n, ldc) is within the forward error bound of a length-k float sum of its
    /// reference value: |ĉ − c| ≤ (k + 3)·u·(|α|·Σ_p |a_ip||b_pj| + |β|·|c⁰| + |bias_j|), u = 2⁻²⁴. (k + 2)·u is the
    /// classical bound γ for k multiply-adds, α and β scalings and the bias add in any order (Higham, Accuracy
    /// and Stability, §3.1); one more u covers rounding the double-precision reference. The bound is relative
    /// to Σ|a||b| rather than |c|, because cancellation can make c tiny while the rounding errors are not; and
    /// it is far below what a wrong element (an error of order |a||b|) would show.
    /// </summary>
    public static void AssertClose(bool transA, bool transB, int m, int n, int k, float alpha,
        float[] a, int lda, float[] b, int ldb, float beta, float[] c0, float[] actual, float[] expected, int ldc,
        float[]? bias = null)
    {
        const double u = 1.0 / (1 << 24);
        for (var i = 0; i < m; i++)
        for (var j = 0; j < n; j++)
        {
            double magnitude = 0;
            for (var p = 0; p < k; p++)
            {
                var av = transA ? a[p * lda + i] : a[i * lda + p];
                var bv = transB ? b[j * ldb + p] : b[p * ldb + j];
                magnitude += Math.Abs((double)av * bv);
            }
            var scale = Math.Abs(alpha) * magnitude + (beta == 0 ? 0 : Math.Abs(beta * c0[i * ldc + j]))
                        + (bias is null ? 0 : Math.Abs(bias[j]));
            var tolerance = (k + 3) * u * scale + float.Epsilon;
            var error = Math.Abs((double)actual[i * ldc + j] - expected[i * ldc + j]);
            if (!(error <= tolerance))
                Assert.Fail($"C[{i},{j}] = {actual[i * ldc + j]}, reference {expected[i * ldc + j]}, error {error:e3} > " +
                            $"tolerance {tolerance:e3} (m={m} n={n} k={k} transA={transA} transB={transB} α={alpha} β={beta})");
        }
    }
}
