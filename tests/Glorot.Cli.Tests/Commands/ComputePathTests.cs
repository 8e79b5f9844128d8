using System.Text.Json;

namespace Glorot.Cli.Tests.Commands;

/// <summary>
/// Which DOTNET_* switches change a run's bits (docs/LAB.md, "Resuming on another machine"): runs on the same compute
/// path are bit-identical; the AVX-512, AVX2 and portable GEMM paths sum in different orders and differ in the last
/// bits; a resume on another path says so.
/// </summary>
public sealed class ComputePathTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "glorot-paths-" + Guid.NewGuid().ToString("N"));

    public ComputePathTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    // Widths that are not multiples of any tile (12×32, 6×16, 4×8) and a depth over one KC block (512).
    private string Spec(long updates)
    {
        string path = Path.Combine(_dir, $"spec-{updates}.json");
        File.WriteAllText(path, $$"""
            { "name": "p", "hidden": [600, 77], "updates": {{updates}}, "evaluate_every": 10, "evaluation_examples": 100,
              "probe_every": 10, "probe_examples": 20, "weight_gradient_examples": 2, "histogram_bins": 8,
              "checkpoint_every": 10, "learning_rate": 0.05, "batch_size": 13 }
            """);
        return path;
    }

    private (string Path, string Metrics) Train(string name, Dictionary<string, string>? environment)
    {
        string run = Path.Combine(_dir, name);
        var (exit, _, error) = ChildProcess.Run(environment, "train", Spec(20), "--out", run);
        Assert.True(exit == 0, error);
        string path = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "environment.json"))).RootElement.GetProperty("compute_path").GetString()!;
        return (path, File.ReadAllText(Path.Combine(run, "metrics.csv")) + File.ReadAllText(Path.Combine(run, "probes.jsonl")));
    }

    [Fact]
    public void The_same_compute_path_gives_the_same_bits_and_another_path_other_bits()
    {
        var standard = Train("default", null);
        var narrow = Train("avx2", new() { ["DOTNET_EnableAVX512"] = "0" });
        var preferred = Train("pref256", new() { ["DOTNET_PreferredVectorBitWidth"] = "256" });
        var portable = Train("portable", new() { ["DOTNET_EnableAVX2"] = "0" });

        // Two switches that select the same path (AVX2 with FMA) give the same bits.
        Assert.Equal(narrow.Path, preferred.Path);
        Assert.Equal(narrow.Metrics, preferred.Metrics);
        Assert.StartsWith("gemm Portable", portable.Path);
        Assert.NotEqual(narrow.Metrics, portable.Metrics);
        if (standard.Path.StartsWith("gemm Vector512", StringComparison.Ordinal))
            Assert.NotEqual(standard.Metrics, narrow.Metrics);
        else
            Assert.Equal(standard.Metrics, narrow.Metrics);
    }

    [Fact]
    public void A_resume_with_another_path_says_the_continuation_is_not_bit_identical()
    {
        string run = Path.Combine(_dir, "moved");
        Assert.Equal(0, ChildProcess.Run(null, "train", Spec(10), "--out", run).ExitCode);
        var (exit, _, error) = ChildProcess.Run(new Dictionary<string, string> { ["DOTNET_EnableAVX2"] = "0" }, "train", Spec(20), "--out", run, "--resume");
        Assert.True(exit == 0, error);
        Assert.Contains("glorot: note: the run started on \"gemm", error);
        Assert.Contains("not bit-identical", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("not bit-identical", StringComparison.Ordinal));
    }
}
