using System.Globalization;

namespace Glorot.Data;

/// <summary>Numbers in error messages, written the same way whatever the machine's culture (1,234,567).</summary>
internal static class Counts
{
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
