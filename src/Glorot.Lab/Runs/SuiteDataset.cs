using Glorot.Data;

namespace Glorot.Lab.Runs;

/// <summary>
/// The data set the glorot2010 suite trains on and what the paper reports for it: Shapeset-3×2 (§2.1, Table 1,
/// Fig. 11), MNIST and CIFAR-10 (§2.2, Table 1, Fig. 12), or Fashion-MNIST, a stand-in the paper never used that
/// runs without a download where Debian's <c>dataset-fashion-mnist</c> package is installed.
/// </summary>
/// <param name="Name">The catalog name (<see cref="DatasetCatalog.Names"/>): shapeset, mnist, fashion-mnist or cifar10.</param>
/// <param name="Title">Its name in prose ("CIFAR-10").</param>
/// <param name="Path">The directory of its files; null for Shapeset (generated).</param>
public sealed record SuiteDataset(string Name, string Title, string? Path)
{
    /// <summary>Shapeset-3×2, the suite's default.</summary>
    public static SuiteDataset Shapeset { get; } = new("shapeset", "Shapeset-3×2", null);

    /// <summary>Whether this is the paper's main data set (Figs. 2–11 and the claims were measured on it).</summary>
    public bool IsShapeset => Name == "shapeset";

    /// <summary>Whether this is Fashion-MNIST: no paper value; the paper's MNIST column is the closest reference.</summary>
    public bool IsStandIn => Name == "fashion-mnist";

    /// <summary>The Table 1 column the paper reports for this data set (Shapeset, MNIST or CIFAR-10); null for Fashion-MNIST.</summary>
    public string? PaperColumn => Name switch { "shapeset" => "Shapeset", "mnist" => "MNIST", "cifar10" => "CIFAR-10", _ => null };

    /// <summary>The paper's figure of test error over training on this data set: 11 (Shapeset) or 12 (the others; for
    /// Fashion-MNIST the same curves drawn as a stand-in for Fig. 12's MNIST panel).</summary>
    public int TestErrorFigure => IsShapeset ? 11 : 12;

    /// <summary>
    /// The data set of <paramref name="name"/> with its files in <paramref name="path"/> (Fashion-MNIST: Debian's directory
    /// when no path is given). Throws a one-line <see cref="ArgumentException"/> naming the data sets, or the files
    /// expected and how to get them, when the name is unknown or a file is missing.
    /// </summary>
    public static SuiteDataset Resolve(string name, string? path)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "shapeset" or "shapeset-3x2":
                if (path is not null) throw new ArgumentException("--path applies to --dataset mnist, fashion-mnist or cifar10; Shapeset-3×2 is generated, it has no files.");
                return Shapeset;
            case "mnist":
                return Named("mnist", RequireIdx(path ?? throw new ArgumentException(
                    $"--dataset mnist needs --path DIR, a directory holding {IdxFiles} (plain or .gz; the MNIST files of Y. LeCun's page)."), "mnist"));
            case "fashion-mnist":
                string debian = MnistFamily.DebianFashionMnistDirectory;
                if (path is null && !Directory.Exists(debian))
                    throw new ArgumentException($"--dataset fashion-mnist found no {debian}: install it with apt-get install dataset-fashion-mnist, or give --path DIR holding {IdxFiles}.");
                return Named("fashion-mnist", RequireIdx(path ?? debian, "fashion-mnist"));
            case "cifar10" or "cifar-10":
                return Named("cifar10", RequireCifar(path ?? throw new ArgumentException(
                    $"--dataset cifar10 needs --path DIR, a directory holding {CifarFiles} (the binary version, cifar-10-binary.tar.gz, unpacked).")));
            default:
                throw new ArgumentException($"Unknown data set '{name}'; use shapeset, mnist, fashion-mnist or cifar10.");
        }
    }

    /// <summary>
    /// The data set of catalog name <paramref name="name"/> with its files in <paramref name="path"/>, unchecked: a report
    /// drawn from run directories needs no data files.
    /// </summary>
    public static SuiteDataset Named(string name, string? path) => name.ToLowerInvariant() switch
    {
        "shapeset" or "shapeset-3x2" => Shapeset,
        "mnist" => new("mnist", "MNIST", path),
        "fashion-mnist" => new("fashion-mnist", "Fashion-MNIST", path),
        "cifar10" or "cifar-10" => new("cifar10", "CIFAR-10", path),
        _ => throw new InvalidDataException($"Unknown data set '{name}'; known: shapeset, mnist, fashion-mnist, cifar10."),
    };

    private const string IdxFiles = "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte";

    private const string CifarFiles = "data_batch_1.bin … data_batch_5.bin and test_batch.bin";

    // Checks that the files are there before anything is written (the runs read them later, each on its own);
    // MnistFamily.Find names the directory and the four files when one is missing.
    private static string RequireIdx(string path, string name)
    {
        string full = System.IO.Path.GetFullPath(path);
        try
        {
            foreach (var stem in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
                MnistFamily.Find(full, stem, name);
        }
        catch (IOException ex)
        {
            string install = name == "fashion-mnist" ? " (or apt-get install dataset-fashion-mnist and omit --path)" : "";
            throw new ArgumentException($"--dataset {name}: {ex.Message} Give --path DIR holding them{install}.", ex);
        }
        return full;
    }

    private static string RequireCifar(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(full))
            throw new ArgumentException($"--dataset cifar10: {full}: no such directory; give --path DIR holding {CifarFiles}.");
        string nested = System.IO.Path.Combine(full, "cifar-10-batches-bin");
        string dir = !File.Exists(System.IO.Path.Combine(full, "test_batch.bin")) && Directory.Exists(nested) ? nested : full;
        var missing = Enumerable.Range(1, 5).Select(b => $"data_batch_{b}.bin").Append("test_batch.bin")
            .Where(f => !File.Exists(System.IO.Path.Combine(dir, f))).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"--dataset cifar10: {dir} lacks {string.Join(", ", missing)}; give --path DIR holding {CifarFiles} (the binary version).");
        return full;
    }
}
