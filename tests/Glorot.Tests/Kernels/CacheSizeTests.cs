using Glorot.Kernels;
using Glorot.Nn;

namespace Glorot.Tests.Kernels;

public sealed class CacheSizeTests
{
    [Theory]
    [InlineData("32768K", 32L << 20)]
    [InlineData("8M", 8L << 20)]
    [InlineData("1G", 1L << 30)]
    [InlineData("512", 512L)]
    [InlineData(" 48K\n", 48L << 10)]
    public void Sysfs_sizes_parse_to_bytes(string text, long bytes) => Assert.Equal(bytes, CacheSize.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("K")]
    [InlineData("-1K")]
    [InlineData("0")]
    [InlineData("12Q")]
    [InlineData("1.5M")]
    public void Anything_else_is_no_size(string text) => Assert.Null(CacheSize.Parse(text));

    [Fact]
    public void This_machine_reports_a_plausible_last_level_cache_or_none()
    {
        if (CacheSize.LastLevelBytes is { } bytes) Assert.InRange(bytes, 256L << 10, 4L << 30);
    }

    [Theory]
    [InlineData(20_700_000L, 32L << 20, false)] // the paper's 1024-1000×5-9 in a 32 MB cache: two passes
    [InlineData(20_700_000L, 8L << 20, true)]   // the same weights on an 8 MB cache stream from memory: fuse
    [InlineData(111_800_000L, 32L << 20, true)] // 1024-2500×5-9 exceeds 32 MB: fuse
    [InlineData(1_000L, null, true)]            // unknown cache: fuse
    public void The_step_fuses_where_the_weights_exceed_the_cache(long weightBytes, long? cache, bool fuses) =>
        Assert.Equal(fuses, SgdTrainer.FusesByDefault(weightBytes, cache));
}
