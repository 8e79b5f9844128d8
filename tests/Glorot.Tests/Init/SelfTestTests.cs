using Glorot.Init;

namespace Glorot.Tests.Init;

public class SelfTestTests
{
    private static readonly int[] Shape = [300, 500]; // 150,000 values

    public static TheoryData<string, InitOptions?> Honest => new()
    {
        { "xavier-uniform", null }, { "he-normal", null }, { "variance-scaling", null }, { "lecun-normal", new InitOptions { Distribution = Distribution.TruncatedNormal } },
        { "uniform", new InitOptions { Low = -1, High = 3 } }, { "normal", new InitOptions { Mean = 1, Std = 0.1 } },
        { "truncated-normal", new InitOptions { Std = 0.5, Low = -0.3, High = 1 } }, { "orthogonal", new InitOptions { Gain = 1.5 } },
        { "identity", null }, { "constant", new InitOptions { Value = 0.25 } },
    };

    [Theory]
    [MemberData(nameof(Honest))]
    public void Honest_schemes_pass(string scheme, InitOptions? options)
    {
        var report = SelfTest.Run(Schemes.Create(scheme, options), Shape, 31);
        Assert.True(report.Passed, string.Join("; ", report.Checks.Select(c => $"{c.Name} {c.Statistic} > {c.Threshold}")));
        Assert.NotEmpty(report.Checks);
    }

    [Fact]
    public void Dirac_passes_its_exact_check() =>
        Assert.True(SelfTest.Run(new Dirac(2), [4, 2, 3, 3], 1).Passed);

    [Theory]
    [InlineData("xavier-uniform", 1.03)]
    [InlineData("he-normal", 1.03)]
    [InlineData("variance-scaling", 0.97)]
    [InlineData("truncated-normal", 1.03)]
    public void A_draw_three_percent_off_its_claimed_std_fails(string scheme, double factor)
    {
        // At n = 1.5·10⁵ the variance z-test sees a 6 % variance error as ≈ 20 standard errors.
        var report = SelfTest.Run(new Miscalibrated(Schemes.Create(scheme), factor), Shape, 31);
        Assert.False(report.Passed);
        Assert.Contains(report.Checks, c => c.Name == "std" && !c.Passed);
    }

    [Fact]
    public void A_draw_ten_percent_too_wide_fails_the_ks_test_and_the_support()
    {
        var report = SelfTest.Run(new Miscalibrated(Schemes.Create("xavier-uniform"), 1.1), Shape, 32);
        Assert.Contains(report.Checks, c => c.Name == "ks" && !c.Passed);
        Assert.Contains(report.Checks, c => c.Name == "support" && !c.Passed);
        Assert.StartsWith("FAIL", report.Verdict);
    }

    [Fact]
    public void Non_orthogonal_and_wrong_deterministic_draws_fail()
    {
        Assert.False(SelfTest.Run(new Miscalibrated(new Orthogonal(), 1.01), [64, 128], 1).Passed);
        Assert.False(SelfTest.Run(new Miscalibrated(new Identity(2), 1.5), [10, 10], 1).Passed);
    }

    [Fact]
    public void Values_of_the_wrong_length_are_refused() =>
        Assert.Throws<ArgumentException>(() => SelfTest.Check(new RandomNormal(), [10, 10], new float[99]));
}
