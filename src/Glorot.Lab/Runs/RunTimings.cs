using System.Diagnostics;
using Glorot.IO;

namespace Glorot.Lab.Runs;

/// <summary>The wall time spent in one phase and how many times it ran.</summary>
/// <param name="Seconds">Wall seconds in all.</param>
/// <param name="Count">Times the phase ran (updates for training and data; evaluations, probes, checkpoints otherwise).</param>
public sealed record PhaseTime(double Seconds, long Count);

/// <summary>
/// Where a run's wall time goes, phase by phase (<see cref="RunPhase"/>): accumulated while it trains, saved in each
/// checkpoint's state (so a resume continues the sums from the checkpoint, like the run's seconds) and written as
/// <c>timings.csv</c> (columns phase, seconds, count) at every checkpoint and when the run ends.
/// </summary>
public sealed class RunTimings
{
    /// <summary>The columns of <c>timings.csv</c>.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. RunSchemas.Timings.Names];

    private static readonly Dictionary<string, RunPhase> ByName = Enum.GetValues<RunPhase>().ToDictionary(Name, StringComparer.Ordinal);

    private readonly double[] _seconds = new double[ByName.Count];
    private readonly long[] _counts = new long[ByName.Count];

    /// <summary>The sums so far of the phase named <paramref name="phase"/>.</summary>
    public PhaseTime this[RunPhase phase] => new(_seconds[(int)phase], _counts[(int)phase]);

    /// <summary>Adds <paramref name="seconds"/> and <paramref name="count"/> to <paramref name="phase"/>.</summary>
    public void Add(RunPhase phase, double seconds, long count = 1)
    {
        _seconds[(int)phase] += seconds;
        _counts[(int)phase] += count;
    }

    /// <summary>Times a block: <c>using (timings.Measure(RunPhase.Probing)) { … }</c> adds its wall time once, count 1.</summary>
    public Scope Measure(RunPhase phase) => new(this, phase, Stopwatch.GetTimestamp());

    /// <summary>The sums by phase name (<see cref="Name"/>), every phase included, in <see cref="RunPhase"/> order.</summary>
    public Dictionary<string, PhaseTime> Snapshot() =>
        Enum.GetValues<RunPhase>().ToDictionary(Name, p => this[p], StringComparer.Ordinal);

    /// <summary>Sums continued from a checkpoint's <paramref name="saved"/> snapshot (null: an older checkpoint without one, from zero).</summary>
    /// <exception cref="InvalidDataException">A phase name this version does not know, or a negative or non-finite value.</exception>
    public static RunTimings From(IReadOnlyDictionary<string, PhaseTime>? saved)
    {
        var timings = new RunTimings();
        foreach (var (name, time) in saved ?? new Dictionary<string, PhaseTime>())
        {
            if (!ByName.TryGetValue(name, out var phase)) throw new InvalidDataException($"timings: unknown phase '{name}'.");
            if (time is null || !double.IsFinite(time.Seconds) || time.Seconds < 0 || time.Count < 0)
                throw new InvalidDataException($"timings: phase '{name}' has negative or non-finite values.");
            timings.Add(phase, time.Seconds, time.Count);
        }
        return timings;
    }

    /// <summary>A phase's name in <c>timings.csv</c>: its enum name in lower case (training, data, evaluating, …).</summary>
    public static string Name(RunPhase phase) => phase.ToString().ToLowerInvariant();

    /// <summary>Writes <c>timings.csv</c> at <paramref name="path"/> (atomically): one row per phase.</summary>
    public void Write(string path) => WriteTable(path, Snapshot().Select(kv => (kv.Key, kv.Value)));

    /// <summary>Writes a table of (phase, seconds, count) rows at <paramref name="path"/>, atomically.</summary>
    public static void WriteTable(string path, IEnumerable<(string Phase, PhaseTime Time)> rows)
    {
        var text = RunSchemas.Timings.NewTable();
        foreach (var (phase, time) in rows) RunSchemas.Timings.AppendRow(text, phase, time.Seconds, time.Count);
        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads a table that <see cref="WriteTable"/> wrote, rows in file order, through its schema
    /// (<see cref="RunSchemas.Timings"/>). The file is written whole or not at all, so it has no torn line to forgive.</summary>
    /// <exception cref="InvalidDataException">A header without the schema's columns, or a row that is not (name, seconds ≥ 0, count ≥ 0).</exception>
    public static IReadOnlyList<(string Phase, PhaseTime Time)> ReadTable(string path) => RunTableReader.Read(path, RunSchemas.Timings, row =>
    {
        double seconds = row.Number("seconds");
        long count = row.Integer("count");
        if (!double.IsFinite(seconds) || seconds < 0 || count < 0)
            throw new InvalidDataException("not a row of phase, seconds ≥ 0, count ≥ 0.");
        return (row.Text("phase"), new PhaseTime(seconds, count));
    });

    /// <summary>The block <see cref="Measure"/> times.</summary>
    public readonly struct Scope(RunTimings owner, RunPhase phase, long start) : IDisposable
    {
        /// <summary>Adds the wall time since <see cref="Measure"/>.</summary>
        public void Dispose() => owner.Add(phase, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
