using System.Globalization;

namespace Glorot.Bench;

/// <summary>The integer options of the stopwatch benchmarks: <c>--name N</c>, or the default when absent.</summary>
internal static class BenchArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        if (at < 0) return fallback;
        if (at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return value;
        throw new ArgumentException($"{name} needs an integer, e.g. {name} {fallback}.");
    }
}
