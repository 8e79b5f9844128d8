using Glorot.Data;

namespace Glorot.Tests.Data;

public class ArrayDatasetTests
{
    private static ArrayDataset Make(byte[] labels) =>
        new("set", new ImageShape(1, 1, 2), ["a", "b", "c"],
            Enumerable.Range(0, labels.Length * 2).Select(i => (byte)i).ToArray(), labels, PixelNormalization.ZeroOne);

    [Fact]
    public void Slices_share_the_arrays_and_count_from_their_own_start()
    {
        var all = Make([0, 1, 2, 0, 1]);
        var slice = all.Slice("tail", 3, 2);
        Assert.Equal(2, slice.Count);
        Assert.Equal(0, slice.Label(0));
        Assert.Equal([6, 7], slice.Pixels(0).ToArray());
        var x = new float[4];
        var y = new int[2];
        slice.Fill([1, 0], x, y);
        Assert.Equal([1, 0], y);
        Assert.Equal([8 / 255f, 9 / 255f, 6 / 255f, 7 / 255f], x);
        Assert.Throws<ArgumentOutOfRangeException>(() => slice.Label(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => all.Slice("bad", 4, 2));
    }

    [Fact]
    public void Inconsistent_arrays_and_batches_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Make([0, 3])); // label 3 of 3 classes
        Assert.Throws<ArgumentException>(() =>
            new ArrayDataset("x", new ImageShape(1, 2, 2), ["a"], new byte[7], new byte[2], PixelNormalization.ZeroOne));
        var data = Make([0, 1]);
        Assert.Throws<ArgumentException>(() => data.Fill([0], new float[3], new int[1]));
        Assert.Throws<ArgumentException>(() => data.Fill([0, 1], new float[4], new int[1]));
    }
}
