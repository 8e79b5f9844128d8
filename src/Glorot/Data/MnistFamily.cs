namespace Glorot.Data;

/// <summary>
/// MNIST and Fashion-MNIST from a directory of the four IDX files (plain or <c>.gz</c>): <c>train-images-idx3-ubyte</c>,
/// <c>train-labels-idx1-ubyte</c>, <c>t10k-images-idx3-ubyte</c>, <c>t10k-labels-idx1-ubyte</c>. Split as in the
/// paper (§2.2): the first 50,000 training images train, the last 10,000 validate, the 10,000 test images test.
/// </summary>
public static class MnistFamily
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package puts the files.</summary>
    public const string DebianFashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Examples of the training file kept for validation (the paper's 50,000 / 10,000 split).</summary>
    public const int DefaultValidationCount = 10_000;

    /// <summary>Digit classes 0…9.</summary>
    public static IReadOnlyList<string> DigitNames { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Fashion-MNIST's classes in label order (Xiao, Rasul &amp; Vollgraf 2017).</summary>
    public static IReadOnlyList<string> FashionNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads MNIST (<paramref name="fashion"/> false) or Fashion-MNIST from <paramref name="directory"/>.</summary>
    public static DataSplits Load(string directory, bool fashion, PixelScaling scaling = PixelScaling.ZeroOne,
        int validationCount = DefaultValidationCount)
    {
        string name = fashion ? "fashion-mnist" : "mnist";
        var classes = fashion ? FashionNames : DigitNames;
        string trainImagesPath = Find(directory, "train-images-idx3-ubyte", name);
        string trainLabelsPath = Find(directory, "train-labels-idx1-ubyte", name);
        string testImagesPath = Find(directory, "t10k-images-idx3-ubyte", name);
        string testLabelsPath = Find(directory, "t10k-labels-idx1-ubyte", name);

        var trainImages = IdxFile.ReadImages(trainImagesPath);
        var trainLabels = IdxFile.ReadLabels(trainLabelsPath, classes.Count);
        var testImages = IdxFile.ReadImages(testImagesPath);
        var testLabels = IdxFile.ReadLabels(testLabelsPath, classes.Count);
        CheckCounts(trainImagesPath, trainImages, trainLabelsPath, trainLabels);
        CheckCounts(testImagesPath, testImages, testLabelsPath, testLabels);
        if (testImages.Dimensions[1] != trainImages.Dimensions[1] || testImages.Dimensions[2] != trainImages.Dimensions[2])
            throw new InvalidDataException(
                $"{testImagesPath}: images are {testImages.Dimensions[1]}×{testImages.Dimensions[2]} but those of {trainImagesPath} are {trainImages.Dimensions[1]}×{trainImages.Dimensions[2]}.");
        int trainCount = trainLabels.Length - validationCount;
        if (validationCount <= 0 || trainCount <= 0)
            throw new InvalidDataException(
                $"{trainImagesPath}: {trainLabels.Length} training images cannot give {validationCount} validation images and leave some to train on.");

        var shape = new ImageShape(1, trainImages.Dimensions[1], trainImages.Dimensions[2]);
        var normalization = PixelNormalization.For(scaling, trainImages.Data.AsSpan(0, trainCount * shape.Size));
        var all = new ArrayDataset(name + "/train", shape, classes, trainImages.Data, trainLabels, normalization);
        return new DataSplits(
            all.Slice(name + "/train", 0, trainCount),
            all.Slice(name + "/validation", trainCount, validationCount),
            new ArrayDataset(name + "/test", shape, classes, testImages.Data, testLabels, normalization));
    }

    private static void CheckCounts(string imagesPath, IdxArray images, string labelsPath, byte[] labels)
    {
        if (images.Dimensions[0] != labels.Length)
            throw new InvalidDataException(
                $"{imagesPath} holds {Counts.N(images.Dimensions[0])} images but {labelsPath} holds {Counts.N(labels.Length)} labels.");
    }

    /// <summary>The file <paramref name="stem"/> in <paramref name="directory"/>, plain or <c>.gz</c> (also the
    /// <c>train-images.idx3-ubyte</c> spelling of some copies).</summary>
    internal static string Find(string directory, string stem, string datasetName)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException(
                File.Exists(directory)
                    ? $"{directory}: is a file; --path must be the directory holding the {datasetName} IDX files."
                    : $"{directory}: no such directory (it should hold the {datasetName} IDX files).");
        string dotted = stem.Replace("-idx", ".idx", StringComparison.Ordinal);
        foreach (var candidate in new[] { stem, stem + ".gz", dotted, dotted + ".gz" })
        {
            string path = System.IO.Path.Combine(directory, candidate);
            if (File.Exists(path) || Directory.Exists(path)) return path;
        }
        throw new FileNotFoundException($"{directory}: no {stem} or {stem}.gz ({datasetName} needs train-images-idx3-ubyte, " +
            "train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, plain or gzipped).");
    }
}
