using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public class GemmPathTests
{
    [Fact]
    public void The_best_path_is_supported_and_every_tile_width_divides_the_panel()
    {
        Assert.True(GemmPaths.IsSupported(GemmPaths.Best));
        foreach (var path in new[] { GemmPath.Vector512, GemmPath.Vector256, GemmPath.Portable })
        {
            Assert.Equal(0, GemmPacking.PanelWidth % GemmPaths.Nr(path));
            Assert.Equal(0, GemmPaths.Mc % GemmPaths.Mr(path));
        }
    }

    [Fact]
    public void K_is_cut_into_equal_blocks_of_at_most_KC_that_are_multiples_of_8()
    {
        for (var k = 1; k <= 3000; k++)
        {
            var depth = GemmPaths.BlockDepth(k);
            Assert.InRange(depth, 1, GemmPaths.Kc);
            Assert.Equal(0, depth % 8);
            var blocks = (k + GemmPaths.Kc - 1) / GemmPaths.Kc;
            Assert.Equal(blocks, (k + depth - 1) / depth); // no more blocks than KC itself would need
        }
        Assert.Equal(504, GemmPaths.BlockDepth(1000)); // 1000 = 504 + 496, not 512 + 488 or 384 + 384 + 232
    }
}
