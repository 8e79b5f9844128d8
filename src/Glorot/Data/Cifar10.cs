namespace Glorot.Data;

/// <summary>
/// CIFAR-10 from a directory of its binary batches (or the directory above <c>cifar-10-batches-bin</c>). Split as in
/// the paper (§2.2, "50,000 training examples from which we extracted 10,000 as validation data"): batches 1–4
/// train (40,000), batch 5 validates (10,000), <c>test_batch.bin</c> tests (10,000). Inputs are 3072 RGB values,
/// channel-major, or 1024 grey values (BT.601 luma) with <c>grey</c>.
/// </summary>
public static class Cifar10
{
    /// <summary>Class names in label order (as in <c>batches.meta.txt</c>).</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>Loads the three splits.</summary>
    public static DataSplits Load(string directory, PixelScaling scaling = PixelScaling.ZeroOne, bool grey = false)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException(File.Exists(directory)
                ? $"{directory}: is a file; --path must be the directory holding CIFAR-10's data_batch_*.bin and test_batch.bin."
                : $"{directory}: no such directory (it should hold CIFAR-10's data_batch_*.bin and test_batch.bin).");
        string nested = Path.Combine(directory, "cifar-10-batches-bin");
        if (!HasBatch(directory, "test_batch") && Directory.Exists(nested)) directory = nested;

        var train = new List<(byte[] Pixels, byte[] Labels)>();
        for (var b = 1; b <= 5; b++) train.Add(Cifar10Binary.Read(FindBatch(directory, $"data_batch_{b}")));
        var test = Cifar10Binary.Read(FindBatch(directory, "test_batch"));

        byte[] trainPixels = train.SelectMany(t => t.Pixels).ToArray();
        byte[] trainLabels = train.SelectMany(t => t.Labels).ToArray();
        int validationCount = train[4].Labels.Length;
        int trainCount = trainLabels.Length - validationCount;
        byte[] testPixels = test.Pixels;
        var shape = new ImageShape(3, 32, 32);
        if (grey)
        {
            trainPixels = Cifar10Binary.ToGrey(trainPixels);
            testPixels = Cifar10Binary.ToGrey(testPixels);
            shape = new ImageShape(1, 32, 32);
        }
        var normalization = PixelNormalization.For(scaling, trainPixels.AsSpan(0, trainCount * shape.Size));
        var all = new ArrayDataset("cifar10/train", shape, ClassNames, trainPixels, trainLabels, normalization);
        return new DataSplits(
            all.Slice("cifar10/train", 0, trainCount),
            all.Slice("cifar10/validation", trainCount, validationCount),
            new ArrayDataset("cifar10/test", shape, ClassNames, testPixels, test.Labels, normalization));
    }

    private static bool HasBatch(string directory, string stem) =>
        File.Exists(Path.Combine(directory, stem + ".bin")) || File.Exists(Path.Combine(directory, stem + ".bin.gz"));

    private static string FindBatch(string directory, string stem)
    {
        foreach (var candidate in new[] { stem + ".bin", stem + ".bin.gz" })
        {
            string path = Path.Combine(directory, candidate);
            if (File.Exists(path) || Directory.Exists(path)) return path;
        }
        throw new FileNotFoundException(
            $"{directory}: no {stem}.bin (CIFAR-10 needs data_batch_1.bin … data_batch_5.bin and test_batch.bin, the binary version).");
    }
}
