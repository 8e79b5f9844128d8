using Glorot.Data;

namespace Glorot.Tests.Data;

public class Cifar10Tests
{
    private static void WriteBatches(string dir, int perBatch)
    {
        var random = new System.Random(perBatch);
        foreach (var name in new[] { "data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch" })
        {
            var pixels = new byte[perBatch * 3072];
            random.NextBytes(pixels);
            var labels = Enumerable.Range(0, perBatch).Select(i => (byte)((i + name.Length) % 10)).ToArray();
            Cifar10Binary.Write(Path.Combine(dir, name + ".bin"), pixels, labels);
        }
    }

    [Fact]
    public void Batches_one_to_four_train_batch_five_validates_and_the_test_batch_tests()
    {
        using var dir = new TempDirectory();
        string nested = Path.Combine(dir.Path, "cifar-10-batches-bin");
        Directory.CreateDirectory(nested);
        WriteBatches(nested, 3);
        var splits = Cifar10.Load(dir.Path);
        Assert.Equal(12, splits.Train.Count);
        Assert.Equal(3, splits.Validation.Count);
        Assert.Equal(3, splits.Test.Count);
        Assert.Equal(3072, splits.Train.InputSize);
        Assert.Equal("airplane", splits.Train.ClassNames[0]);

        var (p5, l5) = Cifar10Binary.Read(Path.Combine(nested, "data_batch_5.bin"));
        var x = new float[3072];
        var y = new int[1];
        splits.Validation.Fill([1], x, y);
        Assert.Equal(l5[1], y[0]);
        Assert.Equal(p5[3072 + 100] / 255f, x[100], 6);
    }

    [Fact]
    public void Grey_option_gives_1024_inputs()
    {
        using var dir = new TempDirectory();
        WriteBatches(dir.Path, 2);
        var splits = Cifar10.Load(dir.Path, grey: true);
        Assert.Equal(1024, splits.Test.InputSize);
        Assert.Equal(new ImageShape(1, 32, 32), splits.Test.Shape);
    }

    [Fact]
    public void A_missing_batch_is_reported()
    {
        using var dir = new TempDirectory();
        WriteBatches(dir.Path, 2);
        File.Delete(dir.File("data_batch_3.bin"));
        var ex = Assert.Throws<FileNotFoundException>(() => Cifar10.Load(dir.Path));
        Assert.Contains("data_batch_3.bin", ex.Message);
    }
}
