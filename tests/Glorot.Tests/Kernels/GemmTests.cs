using Glorot.Kernels;
using Glorot.Random;

namespace Glorot.Tests.Kernels;

public class GemmTests
{
    public static TheoryData<string> Paths => GemmTestData.SupportedPaths();

    // Runs Gemm and GemmReference on the same random operands (leading dimensions wider than the rows by
    // `pad`) and checks the fast result against the reference with the Σ|a||b| bound.
    private static void CheckAgainstReference(bool transA, bool transB, int m, int n, int k, float alpha, float beta,
        int pad, ulong seed)
    {
        int lda = (transA ? m : k) + pad, ldb = (transB ? k : n) + pad, ldc = n + pad;
        var a = GemmTestData.Uniform(GemmTestData.Size(transA ? k : m, transA ? m : k, lda), seed, 1);
        var b = GemmTestData.Uniform(GemmTestData.Size(transB ? n : k, transB ? k : n, ldb), seed, 2);
        var c0 = GemmTestData.Uniform(GemmTestData.Size(m, n, ldc), seed, 3);
        if (beta == 0f) Array.Fill(c0, float.NaN); // β = 0 must overwrite C without reading it
        var actual = (float[])c0.Clone();
        var expected = (float[])c0.Clone();
        Gemm.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, actual, ldc);
        GemmReference.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, expected, ldc);
        GemmTestData.AssertClose(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c0, actual, expected, ldc);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Matches_reference_on_random_small_shapes_with_both_transposes_and_one_or_two_threads(string pathName)
    {
        var path = GemmTestData.Path(pathName);
        // Every (transA, transB, threads) combination over a deterministic sample of sizes 1..70, which covers
        // every row remainder of every tile height (1..12) and column edges of every tile width.
        var rng = new RandomStream(seed: 11, stream: (ulong)path);
        for (var trial = 0; trial < 48; trial++)
        {
            bool transA = (trial & 1) != 0, transB = (trial & 2) != 0;
            var threads = 1 + ((trial >> 2) & 1);
            int m = 1 + rng.NextInt(70), n = 1 + rng.NextInt(70), k = 1 + rng.NextInt(70);
            float[] alphas = [1f, -0.5f, 2.25f], betas = [0f, 1f, -0.75f];
            float alpha = alphas[rng.NextInt(3)], beta = betas[rng.NextInt(3)];
            var pad = rng.NextInt(3) * 5;
            using (Gemm.Use(path, threads))
                CheckAgainstReference(transA, transB, m, n, k, alpha, beta, pad, seed: (ulong)trial);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Matches_reference_on_every_size_up_to_two_tiles_square(string pathName)
    {
        var path = GemmTestData.Path(pathName);
        using var scope = Gemm.Use(path, threads: 1);
        for (var s = 1; s <= 33; s++) CheckAgainstReference(false, false, s, s, s, 1f, 0f, 0, seed: (ulong)s);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Matches_reference_on_shapes_spanning_several_cache_blocks(string pathName)
    {
        var path = GemmTestData.Path(pathName);
        // K > KC (two k blocks, so β applies once), M > MC, and the paper's small-batch layer shapes.
        using var scope = Gemm.Use(path, threads: 2);
        CheckAgainstReference(false, false, 130, 97, 2 * GemmPaths.Kc + 5, 1f, 0.5f, 3, seed: 1);
        CheckAgainstReference(true, true, 101, 70, GemmPaths.Kc + 1, -1f, 0f, 0, seed: 2);
        CheckAgainstReference(false, true, 10, 200, 1024, 1f, 0f, 0, seed: 3);   // forward, W [out × in]
        CheckAgainstReference(false, false, 10, 1024, 200, 1f, 0f, 0, seed: 4);  // backward data, dY·W
        CheckAgainstReference(true, false, 300, 200, 10, -0.01f, 1f, 0, seed: 5); // weight gradient + SGD
        CheckAgainstReference(false, false, 3, 4100, 40, 1f, 0f, 0, seed: 6);     // two NC blocks, direct B
        CheckAgainstReference(false, true, 40, 4100, 7, 1f, 0f, 0, seed: 7);      // two NC blocks, packed Bᵀ
    }

    // 1, 2, 3, 4 and 8 threads: counts that cut C into different chunks, all running at once (the tests assume
    // 16 CPUs, so a 2-core machine is oversubscribed instead of capping them at its core count).
    private static readonly int[] ThreadCounts = [1, 2, 3, 4, 8];

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_thread_count_gives_bit_identical_results(string pathName)
    {
        var path = GemmTestData.Path(pathName);
        using var machine = ComputePool.AssumeProcessors(16);
        // Shapes that take the column split, the row split (m > n), the direct-B small-m route, the paper's
        // layer shapes at batch 100 (forward and weight gradient: 4 to 32 chunks, so each count cuts differently)
        // and the dot-product route (the 23-row one, on the vector paths).
        (bool TransA, bool TransB, int M, int N, int K)[] shapes =
            [(false, false, 70, 200, 300), (true, true, 250, 40, 90), (false, false, 12, 300, 100), (false, true, 64, 65, 800),
             (false, true, 23, 70, 320), (false, true, 100, 1000, 1024), (true, false, 1000, 1000, 100)];
        foreach (var (transA, transB, m, n, k) in shapes)
        {
            int lda = transA ? m : k, ldb = transB ? k : n;
            var a = GemmTestData.Uniform(m * k, 7, 1);
            var b = GemmTestData.Uniform(k * n, 7, 2);
            var c0 = GemmTestData.Uniform(m * n, 7, 3);
            float[]? first = null;
            foreach (var threads in ThreadCounts)
            {
                var c = (float[])c0.Clone();
                using (Gemm.Use(path, threads)) Gemm.Multiply(transA, transB, m, n, k, 0.7f, a, lda, b, ldb, 0.3f, c, n);
                first ??= c;
                Assert.True(first.AsSpan().SequenceEqual(c), $"{m}×{n}×{k} on {threads} threads differs from 1 thread");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_thread_count_gives_bit_identical_results_on_packed_operands(string pathName)
    {
        // The three layer products on a packed Wᵀ (in 300 × out 1000): forward X·Wᵀ + b, backward data dY·W at
        // batch 10 (the dot route on the vector paths) and 100, and the fused weight update Wᵀ += α·Xᵀ·dY.
        var path = GemmTestData.Path(pathName);
        using var machine = ComputePool.AssumeProcessors(16);
        const int inputs = 300, outputs = 1000;
        var w = new PackedMatrix(inputs, outputs);
        w.Pack(GemmTestData.Uniform(inputs * outputs, 8, 1), outputs, transposed: false);
        var bias = GemmTestData.Uniform(outputs, 8, 2);
        foreach (var batch in new[] { 10, 100 })
        {
            var x = GemmTestData.Uniform(batch * inputs, 8, 3);
            var dy = GemmTestData.Uniform(batch * outputs, 8, 4);
            float[]? firstY = null, firstDx = null, firstW = null;
            foreach (var threads in ThreadCounts)
            {
                var y = new float[batch * outputs];
                var dx = new float[batch * inputs];
                var updated = new PackedMatrix(inputs, outputs);
                updated.Pack(GemmTestData.Uniform(inputs * outputs, 8, 1), outputs, transposed: false);
                var wt = new float[inputs * outputs];
                using (Gemm.Use(path, threads))
                {
                    Gemm.Multiply(false, batch, 1f, x, inputs, w, 0f, y, outputs, bias);
                    Gemm.MultiplyTransposed(batch, 1f, dy, outputs, w, 0f, dx, inputs);
                    Gemm.MultiplyInto(updated, true, false, batch, -0.01f, x, inputs, dy, outputs, 1f);
                }
                updated.Unpack(wt, outputs, transposed: false);
                (firstY, firstDx, firstW) = (firstY ?? y, firstDx ?? dx, firstW ?? wt);
                Assert.True(firstY.AsSpan().SequenceEqual(y), $"forward, batch {batch}, {threads} threads");
                Assert.True(firstDx.AsSpan().SequenceEqual(dx), $"backward data, batch {batch}, {threads} threads");
                Assert.True(firstW.AsSpan().SequenceEqual(wt), $"weight update, batch {batch}, {threads} threads");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Floats_between_rows_are_never_read(string pathName)
    {
        // Leading dimensions 7 wider than the rows, the gaps filled with NaN: one read of a gap would poison C.
        // The shapes take the dot-product route (m ≤ 32, Bᵀ, k ≥ 64 with a partial last chunk), direct B,
        // packed B, and packed Bᵀ.
        var path = GemmTestData.Path(pathName);
        (bool TransA, bool TransB, int M, int N, int K)[] shapes =
            [(false, true, 10, 50, 70), (false, false, 10, 45, 70), (false, false, 40, 45, 70), (true, true, 40, 45, 70)];
        foreach (var (transA, transB, m, n, k) in shapes)
        foreach (var threads in new[] { 1, 2 })
        {
            const int gap = 7;
            int aRows = transA ? k : m, aCols = transA ? m : k, bRows = transB ? n : k, bCols = transB ? k : n;
            int lda = aCols + gap, ldb = bCols + gap, ldc = n + gap;
            float[] a = WithNaNGaps(aRows, aCols, lda, 1), b = WithNaNGaps(bRows, bCols, ldb, 2);
            var c = new float[m * ldc];
            var expected = new float[m * ldc];
            using (Gemm.Use(path, threads)) Gemm.Multiply(transA, transB, m, n, k, 1f, a, lda, b, ldb, 0f, c, ldc);
            GemmReference.Multiply(transA, transB, m, n, k, 1f, a, lda, b, ldb, 0f, expected, ldc);
            GemmTestData.AssertClose(transA, transB, m, n, k, 1f, a, lda, b, ldb, 0f, new float[m * ldc], c, expected, ldc);
        }
    }

    private static float[] WithNaNGaps(int rows, int cols, int ld, ulong stream)
    {
        var values = GemmTestData.Uniform(rows * cols, 5, stream);
        var stored = new float[rows * ld];
        Array.Fill(stored, float.NaN);
        for (var i = 0; i < rows; i++) values.AsSpan(i * cols, cols).CopyTo(stored.AsSpan(i * ld));
        return stored;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Bias_is_added_to_every_row(string pathName)
    {
        var path = GemmTestData.Path(pathName);
        using var scope = Gemm.Use(path);
        const int m = 23, n = 45, k = 600; // two k blocks: the bias must be added once, not per block; two threads
        var a = GemmTestData.Uniform(m * k, 9, 1);
        var b = GemmTestData.Uniform(n * k, 9, 2);
        var bias = GemmTestData.Uniform(n, 9, 4);
        var c0 = new float[m * n];
        Array.Fill(c0, float.NaN);
        var actual = (float[])c0.Clone();
        Gemm.Multiply(false, true, m, n, k, 1.5f, a, k, b, k, 0f, actual, n, bias);
        var expected = new float[m * n];
        GemmReference.Multiply(false, true, m, n, k, 1.5f, a, k, b, k, 0f, expected, n);
        for (var i = 0; i < m; i++)
        for (var j = 0; j < n; j++) expected[i * n + j] += bias[j];
        GemmTestData.AssertClose(false, true, m, n, k, 1.5f, a, k, b, k, 0f, c0, actual, expected, n, bias);
    }

    [Fact]
    public void Empty_inner_dimension_scales_C_by_beta_and_alpha_zero_ignores_A_and_B()
    {
        var c = new float[] { 1, 2, 3, 4, 5, 6 };
        Gemm.Multiply(false, false, 2, 3, 0, 1f, [], 1, [], 3, 2f, c, 3);
        Assert.Equal(new float[] { 2, 4, 6, 8, 10, 12 }, c);

        var nanA = new float[6];
        Array.Fill(nanA, float.NaN);
        Gemm.Multiply(false, false, 2, 3, 3, 0f, nanA, 3, new float[9], 3, 0f, c, 3);
        Assert.All(c, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Too_short_spans_narrow_leading_dimensions_and_wrong_bias_lengths_are_rejected()
    {
        float[] b = new float[6], c = new float[4];
        var shortA = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 2, 2, 3, 1f, new float[5], 3, b, 2, 0f, c, 2));
        Assert.Contains("a: 2×3 with leading dimension 3 needs 6 floats, got 5", shortA.Message);
        var narrow = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 2, 2, 3, 1f, new float[6], 2, b, 2, 0f, c, 2));
        Assert.Contains("leading dimension 2 is smaller than the row width 3", narrow.Message);
        var bias = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 2, 2, 3, 1f, new float[6], 3, b, 2, 0f, c, 2, new float[3]));
        Assert.Contains("expected 2 entries", bias.Message);
    }

    [Fact]
    public void Nested_scopes_keep_the_settings_they_do_not_name_and_restore_on_dispose()
    {
        var before = (Gemm.Path, Gemm.Threads);
        using (Gemm.Use(GemmPath.Portable, threads: 1))
        {
            using (Gemm.Use(threads: 2))
            {
                Assert.Equal(GemmPath.Portable, Gemm.Path);
                Assert.Equal(2, Gemm.Threads);
            }
            Assert.Equal((GemmPath.Portable, 1), (Gemm.Path, Gemm.Threads));
        }
        Assert.Equal(before, (Gemm.Path, Gemm.Threads));
    }

    [Fact]
    public void Unsupported_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Use(threads: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Use(threads: Compute.MaxThreads + 1));
    }
}
