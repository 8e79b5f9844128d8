using Glorot.Data;

namespace Glorot.Tests.Data;

public class ShapesetSpecTests
{
    [Fact]
    public void Pre_rotation_indices_are_the_generators_sector_around_zero()
    {
        Assert.Equal(85, ShapesetSpec.PreRotationChoices(3));
        Assert.Equal(63, ShapesetSpec.PreRotationChoices(4));
        Assert.Equal(12, ShapesetSpec.PreRotationChoices(20));
        Assert.Equal(42, ShapesetSpec.PreRotationIndex(42, 3));
        Assert.Equal(214, ShapesetSpec.PreRotationIndex(43, 3));
        Assert.Equal(254, ShapesetSpec.PreRotationIndex(84, 3));
        Assert.Equal(224, ShapesetSpec.PreRotationIndex(32, 4));
        Assert.Equal(254, ShapesetSpec.PreRotationIndex(62, 4));
        Assert.Equal(6, ShapesetSpec.PreRotationIndex(6, 20));
        Assert.Equal(250, ShapesetSpec.PreRotationIndex(7, 20));
    }

    [Fact]
    public void Area_ratio_is_that_of_the_inscribed_regular_polygon()
    {
        Assert.Equal(3 * Math.Sqrt(3) / (4 * Math.PI), ShapesetSpec.AreaRatio(3), 12); // equilateral triangle / circle
        Assert.Equal(2 / Math.PI, ShapesetSpec.AreaRatio(4), 12);                      // square / circle
        Assert.InRange(ShapesetSpec.AreaRatio(20), 0.98, 1.0);
    }

    [Fact]
    public void Grey_ranges_are_the_integer_parts_of_the_generators_fractions()
    {
        Assert.Equal((int)(0.45 * 255), ShapesetSpec.DarkMax);
        Assert.Equal((int)(0.55 * 255), ShapesetSpec.LightMin);
        Assert.Equal(255, ShapesetSpec.LightMax);
    }
}
