using Glorot.Data;

namespace Glorot.Tests.Data;

public class PixelNormalizationTests
{
    [Fact]
    public void Fixed_scalings_follow_their_formulas_for_every_byte()
    {
        for (var v = 0; v < 256; v++)
        {
            Assert.Equal((float)(v / 255.0), PixelNormalization.ZeroOne[(byte)v]);
            Assert.Equal((float)(v / 255.0 * 2 - 1), PixelNormalization.MinusOneOne[(byte)v]);
        }
        Assert.Equal(-1f, PixelNormalization.MinusOneOne[0]);
        Assert.Equal(1f, PixelNormalization.MinusOneOne[255]);
    }

    [Fact]
    public void Standardization_uses_the_mean_and_std_of_the_training_pixels()
    {
        byte[] pixels = [0, 255, 0, 255]; // v/255 ∈ {0, 1}: mean ½, std ½
        var n = PixelNormalization.For(PixelScaling.Standardize, pixels);
        Assert.Equal(0.5, n.Mean, 12);
        Assert.Equal(0.5, n.Std, 12);
        Assert.Equal(-1f, n[0]);
        Assert.Equal(1f, n[255]);
        Assert.Throws<ArgumentException>(() => PixelNormalization.For(PixelScaling.Standardize, [7, 7, 7]));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1001)]
    [InlineData(100_003)]
    public void Standardizing_constant_pixels_is_refused_for_every_value_and_count(int count)
    {
        // Σx²/n − mean² need not cancel to exactly 0 for a single value; a tiny std would blow inputs up by 10⁸.
        for (var v = 0; v < 256; v++)
        {
            var pixels = Enumerable.Repeat((byte)v, count).ToArray();
            var ex = Assert.Throws<ArgumentException>(() => PixelNormalization.For(PixelScaling.Standardize, pixels));
            Assert.Contains("same value", ex.Message);
        }
    }
}
