using Glorot.Data;

namespace Glorot.Tests.Data;

public class ShapesetClassesTests
{
    [Fact]
    public void Theoretical_frequencies_sum_to_one_and_give_a_constant_predictor_error_of_five_sixths()
    {
        Assert.Equal(1.0, ShapesetClasses.TheoreticalFrequencies.Sum(), 12);
        Assert.Equal(5.0 / 6.0, 1 - ShapesetClasses.TheoreticalFrequencies.Max(), 12);
    }

    [Fact]
    public void Labels_follow_glorots_convertout_order()
    {
        Assert.Equal(0, ShapesetClasses.Label(1, 0, 0));
        Assert.Equal(1, ShapesetClasses.Label(0, 1, 0));
        Assert.Equal(2, ShapesetClasses.Label(0, 0, 1));
        Assert.Equal(3, ShapesetClasses.Label(1, 1, 0));
        Assert.Equal(4, ShapesetClasses.Label(0, 1, 1));
        Assert.Equal(5, ShapesetClasses.Label(1, 0, 1));
        Assert.Equal(6, ShapesetClasses.Label(2, 0, 0));
        Assert.Equal(7, ShapesetClasses.Label(0, 2, 0));
        Assert.Equal(8, ShapesetClasses.Label(0, 0, 2));
        Assert.Throws<ArgumentException>(() => ShapesetClasses.Label(1, 1, 1));
        Assert.Throws<ArgumentException>(() => ShapesetClasses.Label(0, 0, 0));
    }
}
