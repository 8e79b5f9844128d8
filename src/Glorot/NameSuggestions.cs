namespace Glorot;

/// <summary>
/// "Did you mean …" for a mistyped name: the known names nearest by edit distance, so an error can name the likely
/// intent in one line instead of printing the whole list.
/// </summary>
internal static class NameSuggestions
{
    /// <summary>Names within this many edits are suggested; a transposition of two neighbours counts as one.</summary>
    public const int MaxDistance = 2;

    /// <summary>
    /// The known names nearest to <paramref name="name"/> (case and '_' vs '-' ignored): all of those at the
    /// smallest distance when it is at most <see cref="MaxDistance"/>, else none. At most three, in the order given.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string name, IEnumerable<string> known)
    {
        string key = Normalize(name);
        var scored = known.Select(k => (Name: k, Distance: Distance(key, Normalize(k)))).ToList();
        if (scored.Count == 0) return [];
        int best = scored.Min(s => s.Distance);
        return best > MaxDistance ? [] : [.. scored.Where(s => s.Distance == best).Select(s => s.Name).Take(3)];
    }

    /// <summary>" Did you mean a or b?" for an error message, or "" when nothing is near.</summary>
    public static string Hint(string name, IEnumerable<string> known)
    {
        var near = Nearest(name, known);
        return near.Count == 0 ? "" : $" Did you mean {string.Join(" or ", near)}?";
    }

    /// <summary>
    /// The optimal-string-alignment distance (restricted Damerau–Levenshtein): the fewest insertions, deletions,
    /// substitutions and transpositions of adjacent characters that turn <paramref name="a"/> into
    /// <paramref name="b"/>, no substring edited twice (Damerau 1964; the dynamic programme of Wagner &amp; Fischer
    /// 1974 with the transposition case added).
    /// </summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        for (int j = 1; j <= b.Length; j++)
        {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = Math.Min(best, d[i - 2, j - 2] + 1);
            d[i, j] = best;
        }
        return d[a.Length, b.Length];
    }

    private static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('_', '-');
}
