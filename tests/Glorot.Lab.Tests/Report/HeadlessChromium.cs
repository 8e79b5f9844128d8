using System.Diagnostics;

namespace Glorot.Lab.Tests.Report;

/// <summary>
/// Debian's <c>chromium</c> run headless on a local file: the DOM after the page settled, or a screenshot. Tests that
/// use it skip when Chromium is not installed.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>The browser's executable, or null when none is installed.</summary>
    public static string? Executable { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
        .FirstOrDefault(File.Exists);

    /// <summary>Why the tests skip when <see cref="Executable"/> is null.</summary>
    public const string Missing = "Chromium is not installed (Debian: apt-get install chromium)";

    /// <summary>Loads <paramref name="page"/> in a window <paramref name="width"/> pixels wide and returns the DOM after
    /// scripts and images settled.</summary>
    public static string DumpDom(string page, int width) => Run(page, width, 1200, "--dump-dom");

    /// <summary>Saves a screenshot of <paramref name="page"/> in a <paramref name="width"/> × <paramref name="height"/> window to <paramref name="png"/>.</summary>
    public static void Screenshot(string page, int width, int height, string png) => Run(page, width, height, $"--screenshot={png}");

    private static string Run(string page, int width, int height, params string[] extra)
    {
        string profile = Path.Combine(Path.GetTempPath(), "glorot-chromium-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(Missing))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start. The virtual time budget lets the
        // load handlers and image decoding finish before the DOM is dumped or the screenshot taken.
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                     "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                     $"--user-data-dir={profile}", $"--window-size={width},{height}", "--virtual-time-budget=10000" })
            info.ArgumentList.Add(a);
        foreach (var a in extra) info.ArgumentList.Add(a);
        info.ArgumentList.Add(new Uri(page).AbsoluteUri);
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium ran for more than two minutes on {page}.");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"Chromium exited with {process.ExitCode}: {stderr.GetAwaiter().GetResult()}");
            return stdout.GetAwaiter().GetResult();
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
