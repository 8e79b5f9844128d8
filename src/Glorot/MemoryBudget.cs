using System.Globalization;

namespace Glorot;

/// <summary>
/// Compares what a request will allocate with the memory this process may use, before anything is allocated, so
/// that a size that cannot fit is a one-line error instead of an out-of-memory crash minutes later.
/// </summary>
internal static class MemoryBudget
{
    /// <summary>
    /// Bytes this process may use: <see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>, which is the machine's
    /// memory or the container's limit (cgroup) or <c>DOTNET_GCHeapHardLimit</c>, whichever is smallest.
    /// </summary>
    public static long Available => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Throws <see cref="ArgumentException"/> naming both figures when <paramref name="bytes"/> exceeds <see cref="Available"/>.</summary>
    /// <param name="bytes">The estimate (a double, so that no product of sizes overflows on the way).</param>
    /// <param name="what">What needs the memory, e.g. "training a 1024-40000-40000-9 network".</param>
    public static void Require(double bytes, string what)
    {
        long available = Available;
        if (bytes > available)
            throw new ArgumentException(
                $"{what} needs about {Format(bytes)} of memory; this process may use {Format(available)} (machine or container limit). Use smaller sizes.");
    }

    /// <summary>Bytes in binary units: "11.9 GiB".</summary>
    public static string Format(double bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        int u = 0;
        while (bytes >= 1024 && u < units.Length - 1) { bytes /= 1024; u++; }
        return bytes.ToString(u == 0 ? "F0" : "F1", CultureInfo.InvariantCulture) + " " + units[u];
    }
}
