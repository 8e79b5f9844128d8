using Glorot.Data;

namespace Glorot.Cli.Tests.Commands;

/// <summary><c>glorot reproduce glorot2010 --dataset mnist|fashion-mnist|cifar10 [--path DIR]</c>, end to end on the tiny profile.</summary>
public sealed class ReproduceDatasetTests
{
    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "glorot-cli-" + Guid.NewGuid().ToString("N"));
        public TempDirectory() => Directory.CreateDirectory(Path);
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
    }

    // An MNIST-format directory of 28×28 images: 10,010 training images (the paper's split keeps 10,000 for validation)
    // and 100 test images (the tiny profile evaluates on 60); label i mod 10, pixels a fixed pattern of the index.
    private static void WriteMnistFormat(string dir)
    {
        void Pair(string stem, int n)
        {
            var pixels = new byte[n * 28 * 28];
            for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)((i / 784 % 10) * 25 + i % 7);
            IdxFile.Write(Path.Combine(dir, $"{stem}-images-idx3-ubyte"), new IdxArray([n, 28, 28], pixels));
            IdxFile.Write(Path.Combine(dir, $"{stem}-labels-idx1-ubyte.gz"), new IdxArray([n], Enumerable.Range(0, n).Select(i => (byte)(i % 10)).ToArray()), gzip: true);
        }
        Pair("train", 10_010);
        Pair("t10k", 100);
    }

    [Fact]
    public void The_tiny_profile_trains_on_an_mnist_format_directory_and_shows_the_papers_mnist_column()
    {
        using var data = new TempDirectory();
        using var output = new TempDirectory();
        WriteMnistFormat(data.Path);
        var (exit, stdout, stderr) = CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--dataset", "mnist", "--path", data.Path, "--out", output.Path);
        Assert.True(exit == 0, stderr);
        Assert.Contains("data set: MNIST", stdout);

        string spec = File.ReadAllText(output.File(Path.Combine("runs", "tanh", "spec.json")));
        Assert.Contains("\"dataset\": \"mnist\"", spec);
        Assert.Contains(Path.GetFullPath(data.Path), spec.Replace("\\\\", "\\"));
        Assert.Contains("\"dataset\": \"mnist\"", File.ReadAllText(output.File("suite.json")));

        var table = File.ReadAllLines(output.File("table1.csv"));
        Assert.StartsWith("network,paper_table1_mnist_percent,paper_fig12_mnist_end_percent,", table[0]);
        Assert.Contains(table, line => line.StartsWith("Tanh,1.76,1.71,", StringComparison.Ordinal));
        Assert.Contains(table, line => line.StartsWith("Tanh N,1.64,1.67,", StringComparison.Ordinal));
        Assert.Contains(table, line => line.StartsWith("Sigmoid depth 4,,,", StringComparison.Ordinal));

        string report = File.ReadAllText(output.File("report.html"));
        Assert.Contains("Table 1 — test error on MNIST (%)", report);
        Assert.Contains("paper, Table 1 (MNIST)", report);
        Assert.Contains("paper, Fig. 12 end", report);
        Assert.True(File.Exists(output.File(Path.Combine("figures", "fig12-test-error-mnist.png"))));
        Assert.False(File.Exists(output.File(Path.Combine("figures", "fig11-test-error.png"))));

        // Claims resting on Shapeset values are not judged on MNIST.
        var claims = File.ReadAllLines(output.File("claims.csv"));
        Assert.Contains(claims, line => line.StartsWith("2,", StringComparison.Ordinal) && line.Contains("not applicable on MNIST") && line.Contains(",not reached,"));
        Assert.Contains(claims, line => line.StartsWith("11,", StringComparison.Ordinal) && line.Contains("not applicable on MNIST") && line.Contains(",not reached,"));
    }

    [SkippableFact]
    public void The_tiny_profile_runs_on_debians_fashion_mnist_as_a_labelled_stand_in()
    {
        Skip.IfNot(File.Exists(Path.Combine(MnistFamily.DebianFashionMnistDirectory, "train-images-idx3-ubyte.gz")),
            $"Debian's dataset-fashion-mnist is not installed ({MnistFamily.DebianFashionMnistDirectory} lacks its files; apt-get install dataset-fashion-mnist).");
        using var output = new TempDirectory();
        var (exit, stdout, stderr) = CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--dataset", "fashion-mnist", "--out", output.Path);
        Assert.True(exit == 0, stderr);
        Assert.Contains("a stand-in", stdout);
        Assert.Contains($"\"data_path\": \"{MnistFamily.DebianFashionMnistDirectory}\"", File.ReadAllText(output.File(Path.Combine("runs", "softsign", "spec.json"))));

        var table = File.ReadAllLines(output.File("table1.csv"));
        Assert.StartsWith("network,paper_table1_mnist_reference_percent,measured_test_error_percent,", table[0]);
        Assert.Contains(table, line => line.StartsWith("Softsign N,1.72,", StringComparison.Ordinal));
        string report = File.ReadAllText(output.File("report.html"));
        Assert.Contains("Table 1 — test error on Fashion-MNIST (stand-in data set) (%)", report);
        Assert.Contains("paper's MNIST, Table 1 (closest reference, not this data set)", report);
        Assert.Contains("paper: none (no Fashion-MNIST in the paper)", report);
        Assert.True(File.Exists(output.File(Path.Combine("figures", "fig12-test-error-fashion-mnist.png"))));
    }

    [Fact]
    public void Missing_or_wrong_data_is_a_one_line_error_naming_the_files_and_what_to_do()
    {
        using var empty = new TempDirectory();
        string missing = Path.Combine(empty.Path, "absent");
        (string[] Args, string Message)[] cases =
        [
            (["--dataset", "mnist"], "--dataset mnist needs --path DIR, a directory holding train-images-idx3-ubyte"),
            (["--dataset", "cifar10"], "--dataset cifar10 needs --path DIR, a directory holding data_batch_1.bin"),
            (["--dataset", "imagenet"], "Unknown data set 'imagenet'; use shapeset, mnist, fashion-mnist or cifar10."),
            (["--dataset", "mnist", "--path", missing], "no such directory"),
            (["--dataset", "mnist", "--path", empty.Path], "no train-images-idx3-ubyte or train-images-idx3-ubyte.gz"),
            (["--dataset", "fashion-mnist", "--path", empty.Path], "apt-get install dataset-fashion-mnist"),
            (["--dataset", "cifar10", "--path", empty.Path], "lacks data_batch_1.bin, data_batch_2.bin"),
            (["--dataset", "shapeset", "--path", empty.Path], "--path applies to --dataset mnist, fashion-mnist or cifar10"),
        ];
        foreach (var (args, message) in cases)
        {
            using var output = new TempDirectory();
            var (exit, _, error) = CliRunner.Run(["reproduce", "glorot2010", "--profile", "tiny", "--out", output.Path, .. args]);
            Assert.True(exit == 2, $"{string.Join(' ', args)}: exit {exit}");
            Assert.Contains(message, error);
            Assert.Single(error.Trim().Split('\n'));
            Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path)); // nothing written before the check
        }
    }

    [Fact]
    public void The_other_suites_refuse_a_data_set()
    {
        var (exit, _, error) = CliRunner.Run("reproduce", "signal", "--profile", "tiny", "--dataset", "mnist");
        Assert.Equal(2, exit);
        Assert.Contains("--dataset apply to glorot2010 only", error);
    }
}
