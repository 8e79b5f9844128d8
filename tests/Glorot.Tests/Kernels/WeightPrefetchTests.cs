using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

/// <summary>
/// Where <see cref="WeightPrefetch.Start"/> puts a streaming tile's prefetch: <see cref="WeightPrefetch.Rows"/> rows
/// ahead of its B, carried on into the next tile's B by the rows this tile lacks, nowhere without a next tile.
/// Pointer arithmetic only: nothing is read.
/// </summary>
public sealed unsafe class WeightPrefetchTests
{
    private static readonly float* B = (float*)0x10000, Next = (float*)0x900000;

    [Theory]
    [InlineData(500, 32)]
    [InlineData(65, 32)]
    [InlineData(64, 32)]
    [InlineData(10, 32)]
    [InlineData(100, 16)]
    public void The_stream_starts_Rows_ahead_or_that_far_into_the_next_tile(int kc, int ldb)
    {
        float* ahead = WeightPrefetch.Start(B, kc, ldb, Next, out var end);
        Assert.Equal((nint)(B + kc * ldb), (nint)end);
        long rowsAhead = WeightPrefetch.Rows;
        if (kc > rowsAhead)
            Assert.Equal((nint)(B + rowsAhead * ldb), (nint)ahead);
        else
            Assert.Equal((nint)(Next + (rowsAhead - kc) * ldb), (nint)ahead);
    }

    [Fact]
    public void Without_a_next_tile_nothing_is_prefetched()
    {
        Assert.True(WeightPrefetch.Start(B, 500, 32, null, out var end) == null);
        Assert.Equal((nint)(B + 500 * 32), (nint)end);
    }

    [Fact]
    public void Stepping_row_by_row_reaches_the_end_exactly_and_hands_over_to_the_next_tile()
    {
        // The kernels' loop: prefetch, step one row, switch to next when the end is reached.
        const int kc = 200, ldb = 32;
        float* ahead = WeightPrefetch.Start(B, kc, ldb, Next, out var end);
        var handedOver = -1;
        for (var p = 0; p < kc; p++)
        {
            ahead += ldb;
            if (ahead == end)
            {
                ahead = Next;
                handedOver = p;
            }
        }
        Assert.Equal(kc - WeightPrefetch.Rows - 1, handedOver);
        Assert.Equal((nint)(Next + WeightPrefetch.Rows * ldb), (nint)ahead); // the next tile's own start point
    }
}
