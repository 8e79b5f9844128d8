using Glorot.Data;

namespace Glorot.Tests.Data;

public class MinibatchesTests
{
    private static ArrayDataset Tiny(int n)
    {
        var pixels = Enumerable.Range(0, n).Select(i => (byte)i).ToArray();
        var labels = Enumerable.Range(0, n).Select(i => (byte)(i % 3)).ToArray();
        return new ArrayDataset("tiny", new ImageShape(1, 1, 1), ["a", "b", "c"], pixels, labels, PixelNormalization.ZeroOne);
    }

    [Fact]
    public void Every_epoch_visits_each_example_once_even_across_batch_boundaries()
    {
        var batches = new Minibatches(Tiny(10), batchSize: 3, shuffleSeed: 7);
        var seen = new List<long>();
        var indices = new long[3];
        for (var step = 0; step < 10; step++) // 30 positions = 3 epochs
        {
            batches.Indices(step, indices);
            seen.AddRange(indices);
        }
        for (var epoch = 0; epoch < 3; epoch++)
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), seen.Skip(10 * epoch).Take(10).Order());
        Assert.NotEqual(Enumerable.Range(0, 10).Select(i => (long)i), seen.Take(10));
    }

    [Fact]
    public void Minibatch_k_is_the_same_when_read_directly_as_after_reading_the_ones_before()
    {
        var walked = new Minibatches(Tiny(10), 4, shuffleSeed: 2);
        var x = new float[4];
        var y = new int[4];
        for (var step = 0; step < 6; step++) walked.Fill(step, x, y);
        var jumped = new Minibatches(Tiny(10), 4, shuffleSeed: 2);
        var x2 = new float[4];
        var y2 = new int[4];
        jumped.Fill(5, x2, y2);
        Assert.Equal(x, x2);
        Assert.Equal(y, y2);
    }

    [Fact]
    public void Without_shuffling_and_on_an_endless_stream_examples_come_in_index_order()
    {
        var indices = new long[4];
        new Minibatches(Tiny(10), 4, shuffleSeed: 1, shuffle: false).Indices(2, indices);
        Assert.Equal([8L, 9, 0, 1], indices);
        new Minibatches(Shapeset.Training(1), 4, shuffleSeed: 1).Indices(1_000_000, indices);
        Assert.Equal([4_000_000L, 4_000_001, 4_000_002, 4_000_003], indices);
    }
}
