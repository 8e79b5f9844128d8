namespace Glorot.Data;

/// <summary>Options for opening a data set by name.</summary>
/// <param name="Path">Directory of the files (MNIST family, CIFAR-10); null for Shapeset or the default location.</param>
/// <param name="Scaling">How pixels become inputs.</param>
/// <param name="Seed">Shapeset: the training stream's seed.</param>
/// <param name="Grey">CIFAR-10: 1024 grey inputs instead of 3072 RGB.</param>
public sealed record DatasetOptions(string? Path = null, PixelScaling Scaling = PixelScaling.ZeroOne, ulong Seed = 0, bool Grey = false);

/// <summary>The data sets known by name: <c>shapeset</c>, <c>mnist</c>, <c>fashion-mnist</c>, <c>cifar10</c>.</summary>
public static class DatasetCatalog
{
    /// <summary>The names accepted by <see cref="Open"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["shapeset", "mnist", "fashion-mnist", "cifar10"];

    /// <summary>Opens data set <paramref name="name"/> as its three splits.</summary>
    public static DataSplits Open(string name, DatasetOptions? options = null)
    {
        options ??= new DatasetOptions();
        switch (name.ToLowerInvariant())
        {
            case "shapeset":
            case "shapeset-3x2":
                return Shapeset.Splits(options.Seed, options.Scaling);
            case "mnist":
                return MnistFamily.Load(RequirePath(options.Path, "mnist", "the four MNIST IDX files"), fashion: false, options.Scaling);
            case "fashion-mnist":
                string? path = options.Path ?? (Directory.Exists(MnistFamily.DebianFashionMnistDirectory) ? MnistFamily.DebianFashionMnistDirectory : null);
                return MnistFamily.Load(RequirePath(path, "fashion-mnist",
                    $"the four Fashion-MNIST IDX files (Debian's dataset-fashion-mnist package installs them in {MnistFamily.DebianFashionMnistDirectory})"),
                    fashion: true, options.Scaling);
            case "cifar10":
            case "cifar-10":
                return Cifar10.Load(RequirePath(options.Path, "cifar10", "CIFAR-10's binary batches"), options.Scaling, options.Grey);
            default:
                throw new ArgumentException($"Unknown data set '{name}'; known: {string.Join(", ", Names)}.");
        }
    }

    private static string RequirePath(string? path, string name, string what) =>
        path ?? throw new ArgumentException($"{name} needs --path DIR, a directory holding {what}.");
}
