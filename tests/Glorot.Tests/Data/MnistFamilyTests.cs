using Glorot.Data;

namespace Glorot.Tests.Data;

public class MnistFamilyTests
{
    // Writes a small MNIST-layout directory: train images/labels (n), test (m), 28×28 unless told.
    private static void WriteSet(string dir, int n, int m, bool gzip, int rows = 28, int testLabels = -1)
    {
        var random = new System.Random(n * 31 + m);
        void Pair(string stem, int count, int labelCount, int r)
        {
            var pixels = new byte[count * r * 28];
            random.NextBytes(pixels);
            var labels = Enumerable.Range(0, labelCount).Select(i => (byte)(i % 10)).ToArray();
            string ext = gzip ? ".gz" : "";
            IdxFile.Write(Path.Combine(dir, $"{stem}-images-idx3-ubyte{ext}"), new IdxArray([count, r, 28], pixels), gzip);
            IdxFile.Write(Path.Combine(dir, $"{stem}-labels-idx1-ubyte{ext}"), new IdxArray([labelCount], labels), gzip);
        }
        Pair("train", n, n, 28);
        Pair("t10k", m, testLabels < 0 ? m : testLabels, rows);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Splits_the_training_file_into_train_and_validation_and_keeps_pixels_and_labels(bool gzip)
    {
        using var dir = new TempDirectory();
        WriteSet(dir.Path, 30, 7, gzip);
        var splits = MnistFamily.Load(dir.Path, fashion: false, validationCount: 10);
        Assert.Equal(20, splits.Train.Count);
        Assert.Equal(10, splits.Validation.Count);
        Assert.Equal(7, splits.Test.Count);
        Assert.Equal(784, splits.Train.InputSize);
        Assert.Equal(10, splits.Train.ClassCount);

        var raw = IdxFile.ReadImages(dir.File("train-images-idx3-ubyte" + (gzip ? ".gz" : "")));
        var x = new float[784];
        var y = new int[1];
        splits.Validation.Fill([3], x, y);
        Assert.Equal((20 + 3) % 10, y[0]);
        for (var p = 0; p < 784; p++) Assert.Equal(raw.Data[23 * 784 + p] / 255f, x[p], 6);
    }

    [Fact]
    public void Images_and_labels_that_disagree_in_number_are_reported_naming_both_files()
    {
        using var dir = new TempDirectory();
        WriteSet(dir.Path, 30, 7, gzip: false, testLabels: 6);
        var ex = Assert.Throws<InvalidDataException>(() => MnistFamily.Load(dir.Path, fashion: false, validationCount: 10));
        Assert.Contains("t10k-images-idx3-ubyte holds 7 images", ex.Message);
        Assert.Contains("t10k-labels-idx1-ubyte holds 6 labels", ex.Message);
    }

    [Fact]
    public void Test_images_of_another_size_are_reported()
    {
        using var dir = new TempDirectory();
        WriteSet(dir.Path, 30, 7, gzip: false, rows: 27);
        var ex = Assert.Throws<InvalidDataException>(() => MnistFamily.Load(dir.Path, fashion: false, validationCount: 10));
        Assert.Contains("27×28", ex.Message);
    }

    [Fact]
    public void Missing_files_and_directories_are_reported()
    {
        using var dir = new TempDirectory();
        var ex = Assert.Throws<FileNotFoundException>(() => MnistFamily.Load(dir.Path, fashion: true));
        Assert.Contains("train-images-idx3-ubyte", ex.Message);
        Assert.Throws<DirectoryNotFoundException>(() => MnistFamily.Load(dir.File("absent"), fashion: true));
        WriteSet(dir.Path, 30, 7, gzip: false);
        Assert.Throws<InvalidDataException>(() => MnistFamily.Load(dir.Path, fashion: false)); // 30 < 10,000 + 1
    }

    [Fact]
    public void Standardized_inputs_have_zero_mean_and_unit_variance_on_the_training_split()
    {
        using var dir = new TempDirectory();
        WriteSet(dir.Path, 30, 7, gzip: false);
        var train = MnistFamily.Load(dir.Path, fashion: false, PixelScaling.Standardize, validationCount: 10).Train;
        var x = new float[20 * 784];
        train.Fill(Enumerable.Range(0, 20).Select(i => (long)i).ToArray(), x, new int[20]);
        double mean = x.Average(v => (double)v);
        double variance = x.Average(v => (v - mean) * (v - mean));
        Assert.Equal(0, mean, 5);
        Assert.Equal(1, variance, 4);
    }

    [SkippableFact]
    public void Real_fashion_mnist_from_debians_package_loads_with_balanced_classes()
    {
        Skip.IfNot(Directory.Exists(MnistFamily.DebianFashionMnistDirectory),
            $"Debian's dataset-fashion-mnist is not installed ({MnistFamily.DebianFashionMnistDirectory} is absent); .ci/run installs it when it can.");
        var splits = MnistFamily.Load(MnistFamily.DebianFashionMnistDirectory, fashion: true);
        Assert.Equal(50_000, splits.Train.Count);
        Assert.Equal(10_000, splits.Validation.Count);
        Assert.Equal(10_000, splits.Test.Count);
        Assert.Equal(784, splits.Test.InputSize);
        var test = (ArrayDataset)splits.Test;
        var counts = new int[10];
        foreach (var label in test.AllLabels) counts[label]++;
        Assert.All(counts, c => Assert.Equal(1_000, c)); // Fashion-MNIST's test set has exactly 1,000 per class
        double mean = 0;
        foreach (var v in test.AllPixels) mean += v;
        mean /= test.AllPixels.Length * 255.0;
        Assert.InRange(mean, 0.27, 0.30); // the published mean intensity of Fashion-MNIST is ≈ 0.286
    }
}
