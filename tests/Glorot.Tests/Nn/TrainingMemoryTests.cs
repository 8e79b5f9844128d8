using Glorot.Nn;

namespace Glorot.Tests.Nn;

public sealed class TrainingMemoryTests
{
    [Fact]
    public void Sizes_past_32_bits_are_argument_errors_not_overflows()
    {
        var widths = Assert.Throws<ArgumentException>(() => new Mlp([1024, 1_000_000_000, 9], Activation.Tanh));
        Assert.Contains("1024-1000000000-9", widths.Message);
        var mlp = new Mlp([16, 8, 2], Activation.Tanh);
        var batch = Assert.Throws<ArgumentOutOfRangeException>(() => new SgdTrainer(mlp, new SgdOptions(), 2_000_000_000));
        Assert.Contains("smaller batch", batch.Message);
        var required = Assert.Throws<ArgumentException>(() => TrainingMemory.Require([1024, 1_000_000_000, 1_000_000_000, 9], 10));
        Assert.Contains("parameters", required.Message);
    }

    [Fact]
    public void The_estimate_counts_parameters_twice_and_the_batch_buffers()
    {
        int[] widths = [10, 20, 3];
        double parameters = 10 * 20 + 20 + 20 * 3 + 3;
        Assert.Equal(parameters, TrainingMemory.Parameters(widths));
        Assert.Equal(5.0 * (10 + 3 * (20 + 3)), TrainingMemory.BatchFloats(widths, 5));
        Assert.Equal(4 * (2 * parameters + 5.0 * (10 + 3 * 23)), TrainingMemory.Bytes(widths, 5));
        Assert.Equal(4 * (4 * parameters + 5.0 * (10 + 3 * 23)), TrainingMemory.Bytes(widths, 5, new SgdOptions { Momentum = 0.9f }));
    }

    [Fact]
    public void A_request_beyond_the_available_memory_names_both_figures()
    {
        var ex = Assert.Throws<ArgumentException>(() => MemoryBudget.Require(MemoryBudget.Available * 2.0, "A test"));
        Assert.StartsWith("A test needs about ", ex.Message);
        Assert.Contains(MemoryBudget.Format(MemoryBudget.Available), ex.Message);
        MemoryBudget.Require(1024, "A small request");
        Assert.Equal("1.5 GiB", MemoryBudget.Format(1.5 * (1 << 30)));
        Assert.Equal("512 bytes", MemoryBudget.Format(512));
    }
}
