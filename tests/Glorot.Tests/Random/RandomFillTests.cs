using Glorot.Init;
using Glorot.Kernels;
using Glorot.Numerics;
using Glorot.Random;
using Glorot.Tests.Support;

namespace Glorot.Tests.Random;

public class RandomFillTests
{
    private const int N = 200_000;

    [Fact]
    public void Uniform_matches_the_exact_CDF_by_Kolmogorov_Smirnov()
    {
        var x = new float[N];
        RandomFill.Uniform(x, -3f, 5f, seed: 1);
        double d = KolmogorovSmirnov.Statistic(x, v => Math.Clamp((v + 3) / 8, 0, 1));
        Assert.True(d < KolmogorovSmirnov.Critical(N), $"D = {d}");
        Assert.All(x, v => Assert.InRange(v, -3f, 5f));
    }

    [Fact]
    public void Normal_matches_the_exact_CDF_by_Kolmogorov_Smirnov()
    {
        var x = new float[N];
        RandomFill.Normal(x, 2f, 0.5f, seed: 2);
        double d = KolmogorovSmirnov.Statistic(x, v => Statistics.NormalCdf((v - 2) / 0.5));
        Assert.True(d < KolmogorovSmirnov.Critical(N), $"D = {d}");
    }

    [Fact]
    public void Normal_has_the_moments_of_a_normal()
    {
        // Standard errors at n = 2·10⁵: mean σ/√n = 0.0022, variance σ²√(2/n) = 0.0032, kurtosis √(24/n) = 0.011;
        // the bounds are five of them.
        var x = new float[N];
        RandomFill.Normal(x, 0f, 1f, seed: 3);
        var (mean, variance) = Statistics.Moments(x);
        double kurtosis = x.Average(v => Math.Pow(v - mean, 4)) / (variance * variance);
        Assert.InRange(mean, -0.011, 0.011);
        Assert.InRange(variance, 1 - 0.016, 1 + 0.016);
        Assert.InRange(kurtosis, 3 - 0.055, 3 + 0.055);
    }

    [Fact]
    public void Normal_tails_reach_beyond_four_sigma_with_the_right_frequency()
    {
        // P(|Z| > 4) = 6.33e-5: 12.7 expected in 2·10⁵ draws; Poisson 0.999 bounds are [3, 26]. A Box–Muller with a
        // truncated log (u₁ never near 0) would produce none.
        var x = new float[N];
        RandomFill.Normal(x, 0f, 1f, seed: 4);
        int tails = x.Count(v => Math.Abs(v) > 4);
        Assert.InRange(tails, 3, 26);
    }

    [Theory]
    [InlineData(0.0, 1.0, -2.0, 2.0)]
    [InlineData(1.0, 0.5, -10.0, 10.0)]
    [InlineData(0.0, 1.0, 3.0, 6.0)]   // far tail: inversion must not clamp
    [InlineData(0.0, 0.02, -2.0, 2.0)] // std ≪ bounds (pytorch#155588)
    public void Truncated_normal_matches_the_exact_CDF(double mean, double std, double a, double b)
    {
        const int n = 50_000;
        var x = new float[n];
        RandomFill.TruncatedNormal(x, mean, std, a, b, seed: 5);
        double fa = Statistics.NormalCdf((a - mean) / std), z = Statistics.NormalCdf((b - mean) / std) - fa;
        double d = KolmogorovSmirnov.Statistic(x, v => Math.Clamp((Statistics.NormalCdf((v - mean) / std) - fa) / z, 0, 1));
        Assert.True(d < KolmogorovSmirnov.Critical(n), $"D = {d}");
        Assert.All(x, v => Assert.InRange(v, (float)a, (float)b));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Same_seed_gives_same_bits_for_every_thread_count_and_piecewise(bool normal)
    {
        var kind = normal ? PhiloxFill.Kind.Normal : PhiloxFill.Kind.Uniform;
        using var machine = ComputePool.AssumeProcessors(16); // 8 threads at once, even on 2 cores
        const int n = PhiloxFill.ParallelThreshold * 4 + 37; // 9 chunks: enough for 8 threads to split
        var one = new float[n];
        var pieces = new float[n];
        PhiloxFill.Fill(one, kind, 0f, 1f, seed: 9, stream: 4, offset: 0, threads: 1);
        foreach (var threads in new[] { 2, 3, 4, 8 })
        {
            var many = new float[n];
            PhiloxFill.Fill(many, kind, 0f, 1f, seed: 9, stream: 4, offset: 0, threads: threads);
            Assert.True(one.AsSpan().SequenceEqual(many), $"{threads} threads differ from 1");
        }
        int[] cuts = [0, 1, 63, 64, 65, 1000, 130_000, n];
        for (var i = 0; i + 1 < cuts.Length; i++)
            PhiloxFill.Fill(pieces.AsSpan(cuts[i], cuts[i + 1] - cuts[i]), kind, 0f, 1f, 9, 4, cuts[i], threads: 1);
        Assert.Equal(one, pieces);
    }

    [Fact]
    public void Truncated_normal_gives_the_same_bits_for_every_thread_count()
    {
        using var machine = ComputePool.AssumeProcessors(16);
        var one = new float[50_000];
        RandomFill.TruncatedNormal(one, 0.5, 2, -1, 3, seed: 3, stream: 1, threads: 1);
        foreach (var threads in new[] { 2, 3, 4, 8 })
        {
            var many = new float[one.Length];
            RandomFill.TruncatedNormal(many, 0.5, 2, -1, 3, seed: 3, stream: 1, threads: threads);
            Assert.True(one.AsSpan().SequenceEqual(many), $"{threads} threads differ from 1");
        }
    }

    [Fact]
    public void Thread_counts_outside_0_to_the_maximum_are_refused()
    {
        var values = new float[10];
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomFill.Uniform(values, 0, 1, 1, threads: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomFill.Normal(values, 0, 1, 1, threads: Compute.MaxThreads + 1));
        RandomFill.Normal(values, 0, 1, 1, threads: 0); // 0 = the current default
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_instruction_set_path_gives_the_same_bits(bool normal)
    {
        var kind = normal ? PhiloxFill.Kind.Normal : PhiloxFill.Kind.Uniform;
        float[] Draw(PhiloxVector.Path path)
        {
            var saved = PhiloxVector.Forced;
            PhiloxVector.Forced = path;
            try
            {
                var x = new float[4099];
                PhiloxFill.Fill(x, kind, 0.25f, 3f, seed: 123456789012345, stream: 77, offset: 5, threads: 1);
                return x;
            }
            finally { PhiloxVector.Forced = saved; }
        }
        var scalar = Draw(PhiloxVector.Path.Scalar);
        Assert.Equal(scalar, Draw(PhiloxVector.Path.Vector256));
        Assert.Equal(scalar, Draw(PhiloxVector.Path.Vector512));
    }

    [Fact]
    public void Vector_blocks_equal_the_scalar_Philox_block_including_the_carry_into_the_high_counter_word()
    {
        ulong block0 = 0xFFFF_FFF8; // lanes 8…15 carry into the high word
        var w = new uint[4][];
        for (var j = 0; j < 4; j++) w[j] = new uint[16];
        foreach (var path in new[] { PhiloxVector.Path.Vector512, PhiloxVector.Path.Vector256 })
        {
            PhiloxVector.Blocks16(42, 7, block0, path, w[0], w[1], w[2], w[3]);
            for (var lane = 0; lane < 16; lane++)
                Assert.Equal(Philox4x32.Block(42, 7, block0 + (ulong)lane), (w[0][lane], w[1][lane], w[2][lane], w[3][lane]));
        }
    }

    [Fact]
    public void Box_Muller_in_float_agrees_with_the_double_precision_formula()
    {
        // The float polynomials for log, sin and cos are accurate to a few ulp; the radius amplifies the
        // relative error of ln u₁ only near u₁ = 1, where r is small. 3e-6·(1 + r) bounds both.
        var stream = new RandomStream(1, 1);
        for (var i = 0; i < 100_000; i++)
        {
            uint a = stream.NextUInt32(), b = stream.NextUInt32();
            var (c, s) = RandomTransforms.BoxMuller(a, b);
            double u1 = ((1 << 24) - (a >> 8)) / 16777216.0, u2 = (b >> 8) / 16777216.0;
            double r = Math.Sqrt(-2 * Math.Log(u1));
            Assert.True(Math.Abs(c - r * Math.Cos(2 * Math.PI * u2)) < 3e-6 * (1 + r), $"cos branch at {a:x8}, {b:x8}");
            Assert.True(Math.Abs(s - r * Math.Sin(2 * Math.PI * u2)) < 3e-6 * (1 + r), $"sin branch at {a:x8}, {b:x8}");
        }
    }

    [Fact]
    public void Different_streams_and_seeds_are_different()
    {
        var a = new float[256]; var b = new float[256]; var c = new float[256];
        RandomFill.Uniform(a, 0, 1, seed: 1, stream: 0);
        RandomFill.Uniform(b, 0, 1, seed: 1, stream: 1);
        RandomFill.Uniform(c, 0, 1, seed: 2, stream: 0);
        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
    }
}
