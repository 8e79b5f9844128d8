using System.Globalization;
using System.Text;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>
/// Where a suite's time went: every run's <c>timings.csv</c> summed phase by phase (whole runs, resumed parts
/// included), then the suite's own stages (figures, report). With several jobs the runs' phases overlap in wall
/// time, so their sum exceeds the suite's wall time by up to the number of jobs.
/// </summary>
public static class SuiteTimings
{
    /// <summary>The rows of the breakdown: each phase summed over <paramref name="runs"/> (runs without <c>timings.csv</c> skipped), then <paramref name="stages"/>.</summary>
    public static IReadOnlyList<(string Phase, PhaseTime Time)> Gather(IEnumerable<RunResult> runs, IEnumerable<(string Phase, PhaseTime Time)> stages)
    {
        var sums = new Dictionary<string, PhaseTime>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var run in runs)
        {
            if (!File.Exists(run.Directory.Timings)) continue;
            foreach (var (phase, time) in RunTimings.ReadTable(run.Directory.Timings))
            {
                if (!sums.TryGetValue(phase, out var sum)) order.Add(phase);
                sums[phase] = sum is null ? time : new PhaseTime(sum.Seconds + time.Seconds, sum.Count + time.Count);
            }
        }
        return [.. order.Select(p => (p, sums[p])), .. stages];
    }

    /// <summary>The breakdown of <paramref name="result"/> (<see cref="Gather"/>), written as <c>OUT/timings.csv</c>; returns its rows and the file.</summary>
    public static (IReadOnlyList<(string Phase, PhaseTime Time)> Rows, string Path) Write(SuiteResult result, string outDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = Gather(result.Runs, result.StageTimings);
        string path = System.IO.Path.Combine(outDirectory, "timings.csv");
        RunTimings.WriteTable(path, rows);
        return (rows, path);
    }

    /// <summary>The breakdown as an aligned text table: phase, seconds, share of the rows' sum, count; then the sum and the wall time.</summary>
    public static string Format(IReadOnlyList<(string Phase, PhaseTime Time)> rows, double wallSeconds)
    {
        double total = rows.Sum(r => r.Time.Seconds);
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{"phase",-12} {"seconds",10} {"share",7} {"count",12}"));
        foreach (var (phase, time) in rows)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{phase,-12} {time.Seconds,10:F1} {(total > 0 ? 100 * time.Seconds / total : 0),6:F1}% {time.Count,12:N0}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{"sum",-12} {total,10:F1} {100.0,6:F1}%"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{"wall time",-12} {wallSeconds,10:F1}   (this invocation; runs trained at once overlap)"));
        return text.ToString();
    }
}
