using Glorot.Init;
using Glorot.Kernels;
using Glorot.Numerics;
using Glorot.Tests.Kernels;
using Glorot.Tests.Support;

namespace Glorot.Tests.Init;

public class SchemesTests
{
    private static readonly int[] Shape = [300, 500]; // 150,000 values: fan_in 500, fan_out 300

    private static (float[] Values, InitStats Stats) Draw(string scheme, InitOptions? options = null, int[]? shape = null, ulong seed = 11)
    {
        shape ??= Shape;
        var values = new float[Shapes.ElementCount(shape)];
        var stats = Schemes.Create(scheme, options).Fill(values, shape, seed);
        return (values, stats);
    }

    // Expected std for the 300 × 500 shape, written from each scheme's definition.
    public static TheoryData<string, InitOptions, double, string> Cases => new()
    {
        { "standard", new InitOptions(), Math.Sqrt(1.0 / (3 * 500)), "uniform" },
        { "xavier-uniform", new InitOptions(), Math.Sqrt(2.0 / 800), "uniform" },
        { "xavier-uniform", new InitOptions { Nonlinearity = "tanh" }, 5.0 / 3 * Math.Sqrt(2.0 / 800), "uniform" },
        { "xavier-normal", new InitOptions(), Math.Sqrt(2.0 / 800), "normal" },
        { "xavier_normal_", new InitOptions { Gain = 2 }, 2 * Math.Sqrt(2.0 / 800), "normal" },
        // Keras' layout [in, out]: fan_in 300, fan_out 500; the std after truncation is the target.
        { "keras-glorot-normal", new InitOptions(), Math.Sqrt(2.0 / 800), "truncated-normal" },
        { "keras-he-normal", new InitOptions(), Math.Sqrt(2.0 / 300), "truncated-normal" },
        { "keras-lecun-uniform", new InitOptions(), Math.Sqrt(1.0 / 300), "uniform" },
        { "caffe-xavier", new InitOptions(), Math.Sqrt(1.0 / 500), "uniform" },
        { "caffe-xavier", new InitOptions { Mode = FanMode.FanOut }, Math.Sqrt(1.0 / 300), "uniform" },
        { "caffe-xavier", new InitOptions { Mode = FanMode.FanAvg }, Math.Sqrt(1.0 / 400), "uniform" },
        { "lecun-uniform", new InitOptions(), Math.Sqrt(1.0 / 500), "uniform" },
        { "lecun-normal", new InitOptions(), Math.Sqrt(1.0 / 500), "normal" },
        { "he-uniform", new InitOptions(), Math.Sqrt(2.0 / 500), "uniform" },
        { "he-normal", new InitOptions(), Math.Sqrt(2.0 / 500), "normal" },
        { "kaiming-normal", new InitOptions { Mode = FanMode.FanOut }, Math.Sqrt(2.0 / 300), "normal" },
        { "he-normal", new InitOptions { Nonlinearity = "leaky-relu:0.2" }, Math.Sqrt(2.0 / (1.04 * 500)), "normal" },
        { "variance-scaling", new InitOptions { Scale = 3, Mode = FanMode.FanGeoAvg, Distribution = Distribution.Normal }, Math.Sqrt(3 / Math.Sqrt(150_000.0)), "normal" },
        { "variance-scaling", new InitOptions { Scale = 2, Mode = FanMode.FanIn }, Math.Sqrt(2.0 / 500), "truncated-normal" },
        { "uniform", new InitOptions { Low = -1, High = 3 }, 4 / Math.Sqrt(12), "uniform" },
        { "normal", new InitOptions { Mean = 1, Std = 0.1 }, 0.1, "normal" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_scheme_draws_the_distribution_it_describes(string scheme, InitOptions options, double expectedStd, string distribution)
    {
        var (values, stats) = Draw(scheme, options);
        Assert.Equal(distribution, stats.Distribution);
        Assert.Equal(expectedStd, stats.Std, 12);
        Func<double, double> cdf = distribution switch
        {
            "uniform" => x => Math.Clamp((x - stats.Low!.Value) / (stats.High!.Value - stats.Low.Value), 0, 1),
            "normal" => x => Statistics.NormalCdf((x - stats.Mean) / stats.Std),
            _ => TruncatedCdf(stats),
        };
        double d = KolmogorovSmirnov.Statistic(values, cdf);
        Assert.True(d < KolmogorovSmirnov.Critical(values.Length), $"{scheme}: D = {d:F5}, critical {KolmogorovSmirnov.Critical(values.Length):F5}");
        if (stats.Low is { } low) Assert.True(values.Min() >= (float)low, $"min {values.Min()} < {low}");
        if (stats.High is { } high) Assert.True(values.Max() <= (float)high, $"max {values.Max()} > {high}");
        // Moments: with n = 1.5·10⁵ the sample std's relative standard error is below 0.3 %; 1.5 % is five of them.
        var (mean, variance) = Statistics.Moments(values);
        Assert.InRange(mean, stats.Mean - 5 * stats.Std / Math.Sqrt(values.Length), stats.Mean + 5 * stats.Std / Math.Sqrt(values.Length));
        Assert.InRange(Math.Sqrt(variance), stats.Std * 0.985, stats.Std * 1.015);
    }

    private static Func<double, double> TruncatedCdf(InitStats stats)
    {
        // The stats describe the corrected two-sigma truncation: σ′ = std/0.8796, bounds ±2σ′.
        double sigma = stats.Std / VarianceScaling.TruncatedStdAtTwoSigma;
        double f0 = Statistics.NormalCdf(-2), z = Statistics.NormalCdf(2) - f0;
        return x => Math.Clamp((Statistics.NormalCdf(x / sigma) - f0) / z, 0, 1);
    }

    [Fact]
    public void Xavier_uniform_bound_is_gain_times_root_six_over_fan_sum()
    {
        var (_, stats) = Draw("xavier-uniform", new InitOptions { Gain = 1.5 });
        Assert.Equal(1.5 * Math.Sqrt(6.0 / 800), stats.Bound!.Value, 12);
    }

    [Fact]
    public void Standard_heuristic_bound_is_one_over_root_fan_in() =>
        Assert.Equal(1 / Math.Sqrt(500), Draw("standard").Stats.Bound!.Value, 12);

    [Fact]
    public void Truncated_normal_reports_the_moments_of_the_truncated_distribution()
    {
        var (values, stats) = Draw("truncated-normal", new InitOptions { Mean = 0, Std = 1, Low = -2, High = 2 });
        Assert.Equal(VarianceScaling.TruncatedStdAtTwoSigma, stats.Std, 9);
        Assert.True(values.All(v => v is >= -2 and <= 2));
        double f0 = Statistics.NormalCdf(-2), z = Statistics.NormalCdf(2) - f0;
        Assert.True(KolmogorovSmirnov.Statistic(values, x => Math.Clamp((Statistics.NormalCdf(x) - f0) / z, 0, 1)) < KolmogorovSmirnov.Critical(values.Length));
    }

    [Theory]
    [InlineData(new[] { 64, 256 })]
    [InlineData(new[] { 256, 64 })]
    [InlineData(new[] { 100, 100 })]
    [InlineData(new[] { 16, 3, 3, 3 })]
    [InlineData(new[] { 8, 4, 5, 5 })]
    public void Orthogonal_rows_or_columns_are_orthonormal_times_gain(int[] shape)
    {
        const double gain = 1.7;
        var (w, _) = Draw("orthogonal", new InitOptions { Gain = gain }, shape);
        int rows = shape[0], cols = w.Length / rows;
        bool byRows = rows <= cols;
        int vectors = byRows ? rows : cols, length = byRows ? cols : rows;
        for (var p = 0; p < vectors; p++)
        for (var q = 0; q <= p; q++)
        {
            double dot = 0;
            for (var k = 0; k < length; k++)
                dot += byRows ? (double)w[p * cols + k] * w[q * cols + k] : (double)w[k * cols + p] * w[k * cols + q];
            Assert.True(Math.Abs(dot / (gain * gain) - (p == q ? 1 : 0)) < 1e-5, $"<{p},{q}> = {dot / (gain * gain)}");
        }
    }

    [Fact]
    public void Orthogonal_gives_the_same_bits_for_any_thread_count()
    {
        // 400 × 300 spans several QR panels, so the GEMM trailing updates run split across threads.
        float[] Draw(int threads)
        {
            var w = new float[400 * 300];
            using (ComputePool.AssumeProcessors(8)) Schemes.Create("orthogonal").Fill(w, [400, 300], seed: 8, threads: threads);
            return w;
        }
        var one = Draw(1);
        foreach (var threads in new[] { 2, 5 }) Assert.True(one.AsSpan().SequenceEqual(Draw(threads)), $"{threads} threads");
    }

    [Theory]
    [MemberData(nameof(GemmPaths))]
    public void Orthogonal_is_orthonormal_on_every_GEMM_path(string path)
    {
        // The QR's trailing updates and Q's assembly are GEMMs: each kernel path must keep QᵀQ = I.
        const int rows = 300, cols = 200;
        var w = new float[rows * cols];
        using (Gemm.Use(GemmTestData.Path(path))) Schemes.Create("orthogonal").Fill(w, [rows, cols], seed: 3);
        double worst = 0;
        for (var p = 0; p < cols; p++)
        for (var q = 0; q <= p; q++)
        {
            double dot = 0;
            for (var k = 0; k < rows; k++) dot += (double)w[k * cols + p] * w[k * cols + q];
            worst = Math.Max(worst, Math.Abs(dot - (p == q ? 1 : 0)));
        }
        Assert.True(worst < 1e-5, $"max |QᵀQ − I| = {worst:E2}");
    }

    public static TheoryData<string> GemmPaths => GemmTestData.SupportedPaths();

    [Fact]
    public void Orthogonal_square_draws_have_the_trace_moments_of_the_Haar_measure()
    {
        // For Q Haar on O(n), n ≥ 2: E[tr Q] = 0 and E[(tr Q)²] = 1 (Diaconis & Shahshahani 1994, Thm 2). Without
        // the sign fix, Householder QR puts a biased sign on the diagonal and E[tr Q] ≠ 0. 600 draws of 6 × 6:
        // the sample mean has sd 1/√600 ≈ 0.041 (bound 0.2, ≈ 5 sd); (tr Q)² has variance E[(tr Q)⁴] − 1 = 2
        // (the n ≥ 4 moments equal N(0, 1)'s), so its mean has sd √(2/600) ≈ 0.058 (bound 0.3, ≈ 5 sd).
        const int n = 6, draws = 600;
        double sum = 0, squares = 0;
        for (ulong seed = 0; seed < draws; seed++)
        {
            var w = Draw("orthogonal", null, [n, n], seed).Values;
            double trace = 0;
            for (int i = 0; i < n; i++) trace += w[i * n + i];
            sum += trace;
            squares += trace * trace;
        }
        Assert.InRange(sum / draws, -0.2, 0.2);
        Assert.InRange(squares / draws, 0.7, 1.3);
    }

    [Fact]
    public void Orthogonal_sign_correction_makes_the_diagonal_of_Q_symmetric_in_sign()
    {
        // Without the sign fix, Householder QR returns Q with a biased first column; with it, Q is Haar and
        // P(Q₀₀ > 0) = ½. 400 draws of a 4×4: binomial sd 10, the bound is 5 sd.
        int positive = 0;
        for (ulong seed = 0; seed < 400; seed++)
            if (Draw("orthogonal", null, [4, 4], seed).Values[0] > 0) positive++;
        Assert.InRange(positive, 150, 250);
    }

    [Fact]
    public void Identity_puts_gain_on_the_main_diagonal_of_a_rectangular_matrix()
    {
        var (w, _) = Draw("identity", new InitOptions { Gain = 2 }, [3, 5]);
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 5; j++)
            Assert.Equal(i == j ? 2f : 0f, w[i * 5 + j]);
    }

    [Fact]
    public void Dirac_passes_each_channel_through_the_kernel_centre_per_group()
    {
        // [out 4, in 2, 3, 3] in 2 groups: channels 0,1 ← inputs 0,1; channels 2,3 ← inputs 0,1.
        var (w, _) = Draw("dirac", new InitOptions { Groups = 2 }, [4, 2, 3, 3]);
        Assert.Equal(4, w.Count(v => v == 1f));
        Assert.Equal(4 * 2 * 9 - 4, w.Count(v => v == 0f));
        foreach (var (o, i) in new[] { (0, 0), (1, 1), (2, 0), (3, 1) })
            Assert.Equal(1f, w[(o * 2 + i) * 9 + 4]);
    }

    [Theory]
    [InlineData("zeros", 0f)]
    [InlineData("ones", 1f)]
    public void Constant_schemes_fill_one_value(string scheme, float value) =>
        Assert.All(Draw(scheme).Values, v => Assert.Equal(value, v));

    [Fact]
    public void Same_seed_same_bits_different_seed_different_bits()
    {
        Assert.Equal(Draw("xavier-normal", seed: 5).Values, Draw("xavier-normal", seed: 5).Values);
        Assert.NotEqual(Draw("xavier-normal", seed: 5).Values, Draw("xavier-normal", seed: 6).Values);
    }

    [Fact]
    public void Every_scheme_gives_the_same_bits_on_one_or_two_threads()
    {
        // 150,000 values: above the two-thread thresholds of the uniform/normal fills (2¹⁷) and of the truncated
        // normal (4096), so the second call really splits the work.
        foreach (var entry in Schemes.All)
        {
            var options = entry.Name == "constant" ? new InitOptions { Value = 0.5 } : null;
            int[] shape = entry.Name == "dirac" ? [300, 500, 1] : Shape;
            var scheme = Schemes.Create(entry.Name, options);
            var one = new float[150_000];
            var two = new float[150_000];
            scheme.Fill(one, shape, seed: 21, stream: 3, threads: 1);
            scheme.Fill(two, shape, seed: 21, stream: 3, threads: 2);
            Assert.True(one.AsSpan().SequenceEqual(two), entry.Name);
        }
    }

    [Theory]
    [InlineData("no-such-scheme", "Unknown scheme")]
    [InlineData("dirac", "3 to 5 dimensions")]
    [InlineData("identity", "2-D")]
    public void Bad_requests_get_errors_that_name_the_problem(string scheme, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => Draw(scheme, null, scheme == "identity" ? [2, 3, 3] : null));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void A_scheme_rejects_options_it_does_not_take()
    {
        var ex = Assert.Throws<ArgumentException>(() => Schemes.Create("xavier-uniform", new InitOptions { Mode = FanMode.FanIn }));
        Assert.Contains("takes no --mode", ex.Message);
        Assert.Throws<ArgumentException>(() => Schemes.Create("he-normal", new InitOptions { Gain = 1, Nonlinearity = "relu" }));
    }

    [Theory]
    [InlineData("he-normal", FanMode.FanAvg)]
    [InlineData("he-uniform", FanMode.FanGeoAvg)]
    [InlineData("caffe-xavier", FanMode.FanGeoAvg)]
    public void A_scheme_refuses_a_fan_mode_its_source_does_not_define(string scheme, FanMode mode)
    {
        // He et al. (and PyTorch's kaiming_*) define fan_in and fan_out only; Caffe's variance_norm is FAN_IN,
        // FAN_OUT or AVERAGE. Other averages belong to variance-scaling.
        var ex = Assert.Throws<ArgumentException>(() => Schemes.Create(scheme, new InitOptions { Mode = mode }));
        Assert.Contains("variance-scaling", ex.Message);
    }

    [Fact]
    public void Every_listed_scheme_can_be_built_and_describes_a_suitable_shape()
    {
        foreach (var entry in Schemes.All)
        {
            var options = entry.Name == "constant" ? new InitOptions { Value = 0.5 } : null;
            int[] shape = entry.Name == "dirac" ? [4, 4, 3, 3] : [4, 6];
            var stats = Schemes.Create(entry.Name, options).Describe(shape);
            Assert.Equal(entry.Name, stats.Scheme);
        }
    }
}
