using System.Globalization;

namespace Glorot.Kernels;

/// <summary>
/// The last-level cache of this machine, as Linux describes CPU 0's caches (/sys/devices/system/cpu/cpu0/cache/
/// index*/level and size): the engine fuses the backward step only where the weights do not fit in it.
/// </summary>
internal static class CacheSize
{
    private static readonly Lazy<long?> LastLevel = new(Read);

    /// <summary>Bytes of the highest-level cache; null where the system does not say (not Linux, no sysfs).</summary>
    public static long? LastLevelBytes => LastLevel.Value;

    /// <summary>A sysfs cache size ("32768K", "1M", "512"); null when it is not one.</summary>
    public static long? Parse(string text)
    {
        text = text.Trim();
        long scale = text.EndsWith('K') ? 1L << 10 : text.EndsWith('M') ? 1L << 20 : text.EndsWith('G') ? 1L << 30 : 1;
        string digits = scale == 1 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 ? n * scale : null;
    }

    private static long? Read()
    {
        try
        {
            const string root = "/sys/devices/system/cpu/cpu0/cache";
            if (!Directory.Exists(root)) return null;
            int bestLevel = 0;
            long? best = null;
            foreach (var index in Directory.EnumerateDirectories(root, "index*"))
            {
                string levelFile = Path.Combine(index, "level"), sizeFile = Path.Combine(index, "size");
                if (!File.Exists(levelFile) || !File.Exists(sizeFile)) continue;
                if (!int.TryParse(File.ReadAllText(levelFile).Trim(), CultureInfo.InvariantCulture, out int level)) continue;
                if (level > bestLevel && Parse(File.ReadAllText(sizeFile)) is { } size) (bestLevel, best) = (level, size);
            }
            return best;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
