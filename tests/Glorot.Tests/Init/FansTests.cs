using Glorot.Init;

namespace Glorot.Tests.Init;

public class FansTests
{
    [Theory]
    [InlineData(new[] { 256, 784 }, TensorLayout.OutInKernel, 784, 256)]
    [InlineData(new[] { 64, 3, 5, 5 }, TensorLayout.OutInKernel, 75, 1600)]
    [InlineData(new[] { 8, 4, 3 }, TensorLayout.OutInKernel, 12, 24)]
    [InlineData(new[] { 16, 8, 3, 3, 3 }, TensorLayout.OutInKernel, 216, 432)]
    [InlineData(new[] { 784, 256 }, TensorLayout.KernelInOut, 784, 256)]
    [InlineData(new[] { 5, 5, 3, 64 }, TensorLayout.KernelInOut, 75, 1600)]
    public void Fans_multiply_the_receptive_field_into_in_and_out(int[] shape, TensorLayout layout, long fanIn, long fanOut) =>
        Assert.Equal(new Fans(fanIn, fanOut), Fans.Of(shape, layout));

    [Fact]
    public void Fan_modes_are_in_out_arithmetic_and_geometric_means()
    {
        var fans = new Fans(100, 400);
        Assert.Equal(100, fans.For(FanMode.FanIn));
        Assert.Equal(400, fans.For(FanMode.FanOut));
        Assert.Equal(250, fans.For(FanMode.FanAvg));
        Assert.Equal(200, fans.For(FanMode.FanGeoAvg), 12);
    }

    [Theory]
    [InlineData(new[] { 784 })]
    [InlineData(new[] { 1 })]
    public void Fewer_than_two_dimensions_is_a_clear_error(int[] shape)
    {
        var ex = Assert.Throws<ArgumentException>(() => Fans.Of(shape));
        Assert.Contains("at least two dimensions", ex.Message);
    }

    [Theory]
    [InlineData(new[] { 0, 784 })]
    [InlineData(new[] { 256, -1 })]
    public void Dimensions_that_are_not_positive_are_a_clear_error(int[] shape)
    {
        var ex = Assert.Throws<ArgumentException>(() => Fans.Of(shape));
        Assert.Contains("must be positive", ex.Message);
    }

    [Theory]
    [InlineData("256,784", new[] { 256, 784 })]
    [InlineData("64x3x5x5", new[] { 64, 3, 5, 5 })]
    [InlineData(" 10 , 20 ", new[] { 10, 20 })]
    public void Shapes_parse_with_commas_or_x(string text, int[] expected) => Assert.Equal(expected, Shapes.Parse(text));

    // ThrowsAny<Exception> passed on any crash; each bad shape must be the user error the CLI prints in one line.
    [Theory]
    [InlineData("", "no dimensions")]
    [InlineData("256,abc", "not an integer")]
    [InlineData("256,0", "must be positive")]
    [InlineData("65536,65536", "more elements than one array")]
    [InlineData("3,,3", "empty dimension")]
    [InlineData("256,784,", "empty dimension")]
    [InlineData("x5", "empty dimension")]
    public void Bad_shapes_are_rejected_with_the_reason(string text, string expected)
    {
        var ex = Assert.ThrowsAny<Exception>(() => Shapes.ElementCount(Shapes.Parse(text)));
        Assert.True(ex is FormatException or ArgumentException, ex.GetType().Name);
        Assert.Contains(expected, ex.Message);
    }
}
