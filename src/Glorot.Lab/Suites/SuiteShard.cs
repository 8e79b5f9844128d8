using System.Globalization;

namespace Glorot.Lab.Suites;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (0-based): every task of a stage belongs to exactly one shard,
/// assigned by greedy longest-processing-time — tasks sorted by cost (largest first, then by name), each given to the
/// shard with the least cost so far (lowest index on ties) — so shards are balanced within the largest task's cost
/// and every machine computes the same assignment.
/// </summary>
public sealed record SuiteShard(int Index, int Count)
{
    /// <summary>Parses "i/n" with 0 ≤ i &lt; n ≤ 10,000.</summary>
    public static SuiteShard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            throw new ArgumentException($"--shard '{text}' is not i/n with whole numbers 0 ≤ i < n (e.g. 0/4).");
        if (count is < 1 or > 10_000) throw new ArgumentException($"--shard '{text}': the shard count must be 1 to 10,000.");
        if (index >= count) throw new ArgumentException($"--shard '{text}': the index must be below the count (0 … {count - 1}).");
        return new SuiteShard(index, count);
    }

    /// <summary>The shard (0 … count − 1) of every task, in the order given.</summary>
    public static int[] Assign(IReadOnlyList<(string Name, double Cost)> tasks, int count)
    {
        var shard = new int[tasks.Count];
        var load = new double[count];
        foreach (int t in Enumerable.Range(0, tasks.Count).OrderByDescending(t => tasks[t].Cost).ThenBy(t => tasks[t].Name, StringComparer.Ordinal))
        {
            int least = 0;
            for (int s = 1; s < count; s++)
                if (load[s] < load[least]) least = s;
            shard[t] = least;
            load[least] += tasks[t].Cost;
        }
        return shard;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
