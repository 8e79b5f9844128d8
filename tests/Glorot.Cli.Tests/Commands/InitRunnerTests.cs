using Glorot.Cli.Commands;
using Glorot.Init;

namespace Glorot.Cli.Tests.Commands;

public class InitRunnerTests
{
    [Fact]
    public void Drawn_std_of_a_constant_is_zero()
    {
        // Σx²/n − mean² cancels to 6e-9 here; the two-pass form is exact for identical values.
        var result = InitRunner.Run(new InitRequest("w", new Constant(0.1), [1000], Seed: 0, Stream: 0));
        Assert.Equal(0.0, result.Sample.Std);
        Assert.Equal((double)0.1f, result.Sample.Mean, 15);
    }

    [Fact]
    public void Drawn_std_keeps_its_digits_beside_a_large_mean()
    {
        // N(1000, 0.001²) as floats: Σx²/n ≈ 10⁶ against a variance of 10⁻⁶ leaves Σx²/n − mean² about 10
        // digits; the printed std must agree with the two-pass definition to 1e-9.
        var result = InitRunner.Run(new InitRequest("w", new RandomNormal(1000, 0.001), [100_000], Seed: 1, Stream: 0));
        var values = result.Tensor.Data;
        double mean = values.Average(v => (double)v);
        double expected = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        Assert.True(Math.Abs(result.Sample.Std / expected - 1) < 1e-9, $"{result.Sample.Std} vs {expected}");
    }
}
