using System.Diagnostics;
using System.IO.Compression;
using Glorot.Cli.Tests.Deploy;

namespace Glorot.Cli.Tests;

/// <summary>
/// The `dotnet tool` package, packed for real from the build the tests run on (Glorot.Cli.csproj's
/// KeepToolNativeRuntimes target): small, and carrying the native plotting libraries of the runtimes the README names.
/// The slowest test here (a pack takes 5–40 s), so there is one.
/// </summary>
public sealed class ToolPackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_tool_package_is_at_most_30_MB_with_SkiaSharp_and_HarfBuzz_for_linux_x64_and_arm64_osx_and_win_x64_only()
    {
        string output = Path.Combine(Path.GetTempPath(), "glorot-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "pack", Path.Combine(DeploySimulation.Root, "src", "Glorot.Cli"), "-c", Configuration, "--no-build", "--nologo", "-o", output })
                info.ArgumentList.Add(a);
            using var pack = Process.Start(info)!;
            var stderr = pack.StandardError.ReadToEndAsync();
            string stdout = pack.StandardOutput.ReadToEnd();
            Assert.True(pack.WaitForExit(300_000), "dotnet pack ran for more than five minutes");
            Assert.True(pack.ExitCode == 0, stdout + await stderr);

            string package = Assert.Single(Directory.GetFiles(output, "Glorot.Cli.*.nupkg"));
            long bytes = new FileInfo(package).Length;
            Assert.True(bytes <= 30_000_000, $"the tool package is {bytes / 1e6:F1} MB, over the 30 MB budget");
            using var zip = ZipFile.OpenRead(package);
            var natives = zip.Entries.Select(e => e.FullName).Where(n => n.Contains("/runtimes/", StringComparison.Ordinal))
                .Select(n => n[(n.IndexOf("/runtimes/", StringComparison.Ordinal) + "/runtimes/".Length)..]).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(
            [
                "linux-arm64/native/libHarfBuzzSharp.so", "linux-arm64/native/libSkiaSharp.so",
                "linux-x64/native/libHarfBuzzSharp.so", "linux-x64/native/libSkiaSharp.so",
                "osx/native/libHarfBuzzSharp.dylib", "osx/native/libSkiaSharp.dylib",
                "win-x64/native/libHarfBuzzSharp.dll", "win-x64/native/libSkiaSharp.dll",
            ], natives);
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/Glorot.Cli.dll", StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
