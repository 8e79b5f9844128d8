using System.Diagnostics;

namespace Glorot.Tests.Support;

/// <summary>Runs a Python script for parity tests against PyTorch (Debian's python3-torch), when it is installed.</summary>
internal static class Python
{
    /// <summary>The script's standard output; null when no python3 with the modules it imports is found
    /// (/usr/bin/python3 first, where Debian's python3-torch lives, then PATH).</summary>
    public static string? Run(string script) =>
        File.Exists("/usr/bin/python3") ? Run("/usr/bin/python3", script) ?? Run("python3", script) : Run("python3", script);

    private static string? Run(string python, string script)
    {
        try
        {
            var start = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            process.StandardInput.Write(script);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000)) { process.Kill(); return null; }
            if (process.ExitCode != 0)
                return stderr.Result.Contains("No module named") ? null : throw new InvalidOperationException($"python3 failed: {stderr.Result}");
            return stdout.Result;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no python3 on this machine
        }
    }
}
