using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public class SgdKernelsTests
{
    private static float[] Values(int n, float scale) => [.. Enumerable.Range(0, n).Select(i => MathF.Sin(i * 1.7f + scale) * scale)];

    [Fact]
    public void ColumnSums_match_a_plain_loop_for_every_width()
    {
        for (int cols = 1; cols <= 40; cols++)
        {
            const int rows = 5;
            var m = Values(rows * cols, 2f);
            var y = Values(cols, 1f);
            var expected = new float[cols];
            for (int j = 0; j < cols; j++)
            {
                double sum = 0;
                for (int r = 0; r < rows; r++) sum += m[r * cols + j];
                expected[j] = (float)(0.5 * y[j] - 0.25 * sum);
            }
            SgdKernels.ColumnSums(m, rows, cols, -0.25f, 0.5f, y);
            for (int j = 0; j < cols; j++) Assert.Equal(expected[j], y[j], 1e-5f);
            var fresh = Enumerable.Repeat(float.NaN, cols).ToArray(); // β = 0 never reads y
            SgdKernels.ColumnSums(m, rows, cols, 1f, 0f, fresh);
            Assert.All(fresh, v => Assert.True(float.IsFinite(v)));
        }
    }

    [Fact]
    public void Step_and_MomentumStep_follow_their_formulas_for_every_length()
    {
        for (int n = 0; n <= 40; n++)
        {
            var p = Values(n, 1f);
            var g = Values(n, 3f);
            var v = Values(n, 0.5f);
            var p1 = (float[])p.Clone();
            SgdKernels.Step(p1, g, 0.1f, 0.99f);
            for (int i = 0; i < n; i++) Assert.Equal(0.99f * p[i] - 0.1f * g[i], p1[i], 1e-6f);
            var p2 = (float[])p.Clone();
            var v2 = (float[])v.Clone();
            SgdKernels.MomentumStep(p2, g, v2, 0.1f, 0.9f, 0.01f);
            for (int i = 0; i < n; i++)
            {
                float vv = 0.9f * v[i] + g[i] + 0.01f * p[i];
                Assert.Equal(vv, v2[i], 1e-5f);
                Assert.Equal(p[i] - 0.1f * vv, p2[i], 1e-5f);
            }
        }
    }

    [Fact]
    public void NesterovStep_follows_torch_sgd_nesterov_for_every_length()
    {
        for (int n = 0; n <= 40; n++)
        {
            var p = Values(n, 1f);
            var g = Values(n, 3f);
            var v = Values(n, 0.5f);
            var p2 = (float[])p.Clone();
            var v2 = (float[])v.Clone();
            SgdKernels.NesterovStep(p2, g, v2, 0.1f, 0.9f, 0.01f);
            for (int i = 0; i < n; i++)
            {
                // g′ = g + λp; v = μv + g′; p ← p − ε(g′ + μv), in double.
                double gg = g[i] + 0.01 * p[i], vv = 0.9 * v[i] + gg;
                Assert.Equal(vv, v2[i], 1e-5);
                Assert.Equal(p[i] - 0.1 * (gg + 0.9 * vv), p2[i], 1e-5);
            }
        }
    }

    [Fact]
    public void Norm_and_ClipByValue_match_their_definitions()
    {
        var g = Values(10_001, 2f);
        Assert.Equal(Math.Sqrt(g.Sum(x => (double)x * x)), SgdKernels.Norm(g), 1e-6 * Math.Sqrt(g.Length));
        SgdKernels.ClipByValue(g, 0.5f);
        Assert.All(g, x => Assert.InRange(x, -0.5f, 0.5f));
        Assert.Contains(g, x => x == 0.5f);
    }
}
