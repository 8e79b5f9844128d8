using Glorot.Init;

namespace Glorot.Tests.Init;

public class InitializerTests
{
    public static TheoryData<string, InitOptions> Overflowing => new()
    {
        { "constant", new InitOptions { Value = 1e39 } },
        { "identity", new InitOptions { Gain = 1e39 } },
        { "orthogonal", new InitOptions { Gain = 1e39 } },
        { "xavier-uniform", new InitOptions { Gain = 1e39 } },
        { "xavier-normal", new InitOptions { Gain = 1e39 } },
        { "truncated-normal", new InitOptions { Std = 1e39, Low = -1e39, High = 1e39 } },
        { "normal", new InitOptions { Mean = 3e38, Std = 1e37 } },
    };

    [Theory]
    [MemberData(nameof(Overflowing))]
    public void Values_beyond_float32_are_refused_instead_of_written_as_infinities(string scheme, InitOptions options)
    {
        // Each of these was drawn as ±∞ or NaN into the float tensor without a word.
        var values = new float[9];
        var ex = Assert.Throws<ArgumentException>(() => Schemes.Create(scheme, options).Fill(values, [3, 3], seed: 1));
        Assert.Contains("float32", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Overflowing))]
    public void Check_refuses_what_Fill_refuses_before_anything_is_drawn(string scheme, InitOptions options)
    {
        // Check is the refusal part of Fill alone: a caller (glorot init) calls it to tell its user's mistakes from a fill that fails.
        var ex = Assert.Throws<ArgumentException>(() => Schemes.Create(scheme, options).Check([3, 3]));
        Assert.Contains("float32", ex.Message);
        Assert.Throws<ArgumentException>(() => Schemes.Create("orthogonal").Check([5]));
        Assert.Equal(Schemes.Create("xavier-uniform").Describe([3, 4]), Schemes.Create("xavier-uniform").Check([3, 4]));
    }

    [Fact]
    public void Large_values_that_fit_in_float32_are_drawn()
    {
        var values = new float[9];
        Schemes.Create("constant", new InitOptions { Value = 3e38 }).Fill(values, [3, 3], seed: 1);
        Assert.All(values, v => Assert.Equal(3e38f, v));
    }

    [Fact]
    public void A_truncated_normal_with_an_infinite_bound_is_still_drawn()
    {
        var values = new float[1000];
        new TruncatedNormal(0, 1, double.NegativeInfinity, 0.5).Fill(values, [1000], seed: 2);
        Assert.All(values, v => Assert.True(float.IsFinite(v) && v <= 0.5f, $"{v}"));
    }
}
