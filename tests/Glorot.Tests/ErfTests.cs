namespace Glorot.Tests;

public class ErfTests
{
    [Fact]
    public void Erf_matches_tabulated_values()
    {
        // Values from Abramowitz & Stegun table 7.1 / high-precision references.
        Assert.Equal(0.5204998778130465, Erf.Of(0.5), 1e-15);
        Assert.Equal(0.8427007929497149, Erf.Of(1.0), 1e-15);
        Assert.Equal(0.9953222650189527, Erf.Of(2.0), 1e-15);
        Assert.Equal(-0.9999779095030014, Erf.Of(-3.0), 1e-15);
        Assert.Equal(1.541725790028002e-08, 1 - Erf.Of(4.0), 1e-15);
        Assert.Equal(0.0, Erf.Of(0.0));
    }
}
