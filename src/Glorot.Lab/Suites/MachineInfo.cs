using System.Runtime.InteropServices;

namespace Glorot.Lab.Suites;

/// <summary>The machine a suite ran on, for the report's timings.</summary>
internal static class MachineInfo
{
    /// <summary>OS, runtime, cores, CPU model and instruction sets.</summary>
    public static Dictionary<string, string> Describe()
    {
        var info = new Dictionary<string, string>
        {
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString(),
            ["logical_cores"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["avx512f"] = System.Runtime.Intrinsics.X86.Avx512F.IsSupported.ToString(),
            ["avx2"] = System.Runtime.Intrinsics.X86.Avx2.IsSupported.ToString(),
        };
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                info["cpu"] = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
            if (File.Exists("/proc/loadavg")) info["load_average_at_end"] = File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException) { } // informational only
        return info;
    }
}
