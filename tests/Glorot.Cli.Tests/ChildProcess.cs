using System.Diagnostics;

namespace Glorot.Cli.Tests;

/// <summary>Runs <c>glorot</c> as a separate process (for signals, locks and DOTNET_* switches, which act per process).</summary>
internal static class ChildProcess
{
    /// <summary>Glorot.Cli.dll beside the tests (a project reference copies it there).</summary>
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "Glorot.Cli.dll");

    /// <summary>Starts <c>dotnet Glorot.Cli.dll args</c> with extra environment variables.</summary>
    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return Process.Start(info)!;
    }

    /// <summary>Runs to the end (at most two minutes) and returns the exit code and both outputs.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"glorot {string.Join(' ', args)} ran for more than two minutes.");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
