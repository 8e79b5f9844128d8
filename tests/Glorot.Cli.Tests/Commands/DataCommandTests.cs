using System.Text.Json;
using Glorot.Data;

namespace Glorot.Cli.Tests;

public class DataCommandTests
{
    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "glorot-cli-" + Guid.NewGuid().ToString("N"));
        public TempDirectory() => Directory.CreateDirectory(Path);
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
    }

    // An MNIST-layout directory with tiny 2×2 images: 10,010 training images (the paper's split keeps 10,000 for
    // validation) and 20 test images; label i mod 10.
    private static void WriteTinyMnist(string dir)
    {
        void Pair(string stem, int n)
        {
            var pixels = Enumerable.Range(0, n * 4).Select(i => (byte)(i * 7)).ToArray();
            IdxFile.Write(Path.Combine(dir, $"{stem}-images-idx3-ubyte.gz"), new IdxArray([n, 2, 2], pixels), gzip: true);
            IdxFile.Write(Path.Combine(dir, $"{stem}-labels-idx1-ubyte"), new IdxArray([n], Enumerable.Range(0, n).Select(i => (byte)(i % 10)).ToArray()));
        }
        Pair("train", 10_010);
        Pair("t10k", 20);
    }

    [Fact]
    public void Data_help_lists_preview_and_stats()
    {
        var (code, stdout, _) = CliRunner.Run("data", "--help");
        Assert.Equal(0, code);
        Assert.Contains("preview", stdout);
        Assert.Contains("stats", stdout);
        var (previewCode, previewHelp, _) = CliRunner.Run("data", "preview", "--help");
        Assert.Equal(0, previewCode);
        Assert.Contains("--out", previewHelp);
        Assert.Contains("fashion-mnist", previewHelp);
    }

    [Fact]
    public void Preview_writes_a_png_grid_and_the_csv_of_its_examples()
    {
        using var dir = new TempDirectory();
        string png = dir.File("grid.png"), csv = dir.File("grid.csv");
        var (code, stdout, stderr) = CliRunner.Run("data", "preview", "shapeset", "--out", png, "--rows", "2", "--columns", "3", "--csv", csv, "--seed", "4");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("6 examples", stdout);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]); // PNG signature
        var lines = File.ReadAllLines(csv);
        Assert.Equal(7, lines.Length);
        var shapeset = Shapeset.Training(4);
        for (var k = 0; k < 6; k++)
        {
            var fields = lines[k + 1].Split(',');
            Assert.Equal(k.ToString(), fields[2]);
            Assert.Equal(shapeset.Label(k).ToString(), fields[3]);
        }
    }

    [Fact]
    public void Preview_into_a_directory_is_a_one_line_error_naming_the_option()
    {
        using var dir = new TempDirectory();
        foreach (var args in new[] { new[] { "--out", dir.Path }, ["--out", Path.Combine(dir.Path, "g.png"), "--csv", dir.Path] })
        {
            var (code, _, stderr) = CliRunner.Run(["data", "preview", "shapeset", "--rows", "1", "--cols", "2", .. args]);
            Assert.Equal(2, code);
            Assert.Contains("is a directory", stderr);
            Assert.Contains(args[^2], stderr);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        }
    }

    [Fact]
    public void Stats_with_split_counts_only_that_split()
    {
        var (code, stdout, _) = CliRunner.Run("data", "stats", "shapeset", "--count", "100", "--split", "test");
        Assert.Equal(0, code);
        Assert.Contains("shapeset/test: 100 examples", stdout);
        Assert.DoesNotContain("shapeset/train", stdout);
        Assert.DoesNotContain("shapeset/validation", stdout);
    }

    [Fact]
    public void Stats_of_shapeset_prints_frequencies_beside_the_theory()
    {
        var (code, stdout, _) = CliRunner.Run("data", "stats", "shapeset", "--count", "2000");
        Assert.Equal(0, code);
        Assert.Contains("shapeset/train: 2,000 examples", stdout);
        Assert.Contains("shapeset/test: 2,000 examples", stdout);
        Assert.Contains("0.1667", stdout);
        Assert.Contains("theory 5/6", stdout);
    }

    [Fact]
    public void Stats_json_of_an_idx_directory_counts_every_split()
    {
        using var dir = new TempDirectory();
        WriteTinyMnist(dir.Path);
        var (code, stdout, stderr) = CliRunner.Run("data", "stats", "mnist", "--path", dir.Path, "--json");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var splits = doc.RootElement.GetProperty("splits").EnumerateArray().ToList();
        Assert.Equal([10L, 10_000L, 20L], splits.Select(s => s.GetProperty("examples").GetInt64()));
        Assert.Equal("mnist/validation", splits[1].GetProperty("name").GetString());
        Assert.Equal(0.9, splits[2].GetProperty("constant_predictor_error").GetDouble(), 12);
    }

    [Theory]
    [InlineData("--grey applies to cifar10 only", "data", "stats", "shapeset", "--grey")]
    [InlineData("--seed applies to shapeset only", "data", "stats", "fashion-mnist", "--path", "/nonexistent", "--seed", "3")]
    [InlineData("--path does not apply to shapeset", "data", "stats", "shapeset", "--path", "/tmp")]
    public void An_option_that_does_not_apply_to_the_data_set_is_refused(string expected, params string[] args)
    {
        var (code, _, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_corrupt_file_gives_one_line_naming_it_and_exit_code_2()
    {
        using var dir = new TempDirectory();
        WriteTinyMnist(dir.Path);
        string labels = dir.File("t10k-labels-idx1-ubyte");
        File.WriteAllBytes(labels, File.ReadAllBytes(labels)[..15]);
        var (code, _, stderr) = CliRunner.Run("data", "stats", "mnist", "--path", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains(labels, stderr);
        Assert.Contains("truncated", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Missing_path_and_missing_directory_are_user_errors()
    {
        var (code, _, stderr) = CliRunner.Run("data", "stats", "mnist");
        Assert.Equal(2, code);
        Assert.Contains("--path", stderr);
        var (code2, _, stderr2) = CliRunner.Run("data", "preview", "cifar10", "--path", "/nonexistent/cifar", "--out", "x.png");
        Assert.Equal(2, code2);
        Assert.Contains("/nonexistent/cifar", stderr2);
        var (code3, _, _) = CliRunner.Run("data", "stats", "imagenet");
        Assert.NotEqual(0, code3);
    }

    [SkippableFact]
    public void Fashion_mnist_defaults_to_debians_directory()
    {
        Skip.IfNot(Directory.Exists(MnistFamily.DebianFashionMnistDirectory),
            $"Debian's dataset-fashion-mnist is not installed ({MnistFamily.DebianFashionMnistDirectory} is absent).");
        using var dir = new TempDirectory();
        var (code, stdout, stderr) = CliRunner.Run("data", "preview", "fashion-mnist", "--split", "test", "--out", dir.File("f.png"));
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("fashion-mnist/test", stdout);
    }
}
