using Glorot.Cli.Commands;

namespace Glorot.Cli.Tests.Commands;

public class InitRunnerTests
{
    [Fact]
    public void Sample_std_of_a_constant_is_zero()
    {
        // Σx²/n − mean² cancels to 6e-9 here; the two-pass form is exact for identical values.
        var values = Enumerable.Repeat(0.1f, 1000).ToArray();
        var stats = SampleStats.Of(values);
        Assert.Equal(0.0, stats.Std);
        Assert.Equal((double)0.1f, stats.Mean, 15);
    }

    [Fact]
    public void Sample_std_keeps_its_digits_beside_a_large_mean()
    {
        // 10⁵ values 1000 ± 0.001 (as floats): Σx²/n ≈ 10⁶ against a variance of 10⁻⁶ leaves Σx²/n − mean²
        // about 10 digits; the two-pass sum keeps them all.
        var values = Enumerable.Range(0, 100_000).Select(i => i % 2 == 0 ? 999.999f : 1000.001f).ToArray();
        double mean = values.Average(v => (double)v);
        double expected = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        Assert.True(Math.Abs(SampleStats.Of(values).Std / expected - 1) < 1e-12, $"{SampleStats.Of(values).Std} vs {expected}");
    }
}
