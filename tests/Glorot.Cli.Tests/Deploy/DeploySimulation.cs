using System.Diagnostics;

namespace Glorot.Cli.Tests.Deploy;

/// <summary>
/// Runs the deploy/ scripts here as the schedulers would: each array task or completion index as its own process of
/// the built CLI (<c>dotnet Glorot.Cli.dll</c>) with the environment variables the scheduler sets.
/// </summary>
internal static class DeploySimulation
{
    /// <summary>The repository root (the folder holding deploy/).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>How to run the built CLI.</summary>
    public static string Cli => $"dotnet {Path.Combine(AppContext.BaseDirectory, "Glorot.Cli.dll")}";

    /// <summary>The reproduce options every test run uses: the tiny profile choosing between two rates (both stages matter).</summary>
    public const string Args = "--learning-rates 0.01,0.3";

    /// <summary>Starts <paramref name="file"/> with <paramref name="arguments"/> and <paramref name="environment"/>; the caller waits.</summary>
    public static Process Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return Process.Start(info)!;
    }

    /// <summary>Waits for every process; fails with its output if one exits non-zero.</summary>
    public static void WaitAll(IEnumerable<Process> processes)
    {
        foreach (var p in processes.ToList())
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), "a simulated task did not finish in 5 minutes");
            Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}\n{stdout.Result}\n{stderr.Result}");
            p.Dispose();
        }
    }

    /// <summary>Every report CSV (not the runs' own) under <paramref name="root"/>, relative path → bytes.</summary>
    public static SortedDictionary<string, byte[]> ReportCsvs(string root) => new(
        Directory.GetFiles(root, "*.csv", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith("runs", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes), StringComparer.Ordinal);

    /// <summary>Asserts that two suite outputs have the same report CSVs, byte for byte.</summary>
    public static void AssertSameReport(string expected, string actual)
    {
        var a = ReportCsvs(expected);
        var b = ReportCsvs(actual);
        Assert.Equal(a.Keys, b.Keys);
        Assert.Contains("selection.csv", a.Keys);
        foreach (var (name, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[name]), $"{name} differs");
    }

    /// <summary>The reference: the same suite in one process (in-process CLI).</summary>
    public static void RunInOneProcess(string outDirectory)
    {
        var (exit, _, error) = CliRunner.Run(["reproduce", "glorot2010", "--profile", "tiny", "--out", outDirectory, .. Args.Split(' ')]);
        Assert.True(exit == 0, error);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "deploy", "slurm"))) return dir.FullName;
        throw new DirectoryNotFoundException("No deploy/slurm above the test's directory.");
    }
}
