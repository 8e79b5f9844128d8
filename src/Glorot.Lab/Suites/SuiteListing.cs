using System.Globalization;
using System.Text;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>One run of a plan as <c>--list</c> shows it.</summary>
/// <param name="Name">The run name (its directory under runs/).</param>
/// <param name="Digest">First 12 hex digits of the SHA-256 of its canonical spec JSON.</param>
/// <param name="Updates">Updates of its spec.</param>
/// <param name="Trains">Updates it is sure to train: the selection budget for a candidate, all of them otherwise.</param>
/// <param name="FlopPerUpdate">FLOP of one update (<see cref="SuiteCost.FlopPerUpdate"/>).</param>
internal sealed record SuiteListingRow(string Name, string Digest, long Updates, long Trains, double FlopPerUpdate)
{
    /// <summary>Estimated FLOP of <see cref="Trains"/>.</summary>
    public double Flop => Trains * FlopPerUpdate;

    /// <summary>Estimated seconds at <see cref="SuiteCost.FlopsPerSecond"/>.</summary>
    public double Seconds => Flop / SuiteCost.FlopsPerSecond;
}

/// <summary>What <c>glorot reproduce … --list</c> prints and <c>--export-specs</c> writes.</summary>
internal static class SuiteListing
{
    /// <summary>Every run of <paramref name="plan"/>, in plan order.</summary>
    public static IReadOnlyList<SuiteListingRow> Rows(SuitePlan plan) =>
        [.. plan.Instances.SelectMany(i => i.Candidates.Select(c =>
            new SuiteListingRow(c.Name, SuiteCost.Digest(c), c.Updates, i.Selects ? plan.SelectionUpdates : c.Updates, SuiteCost.FlopPerUpdate(c))))];

    /// <summary>The table, one run a line, and the totals of both stages.</summary>
    public static string Format(SuitePlan plan)
    {
        var ci = CultureInfo.InvariantCulture;
        var rows = Rows(plan);
        int width = Math.Max(4, rows.Max(r => r.Name.Length));
        var text = new StringBuilder();
        text.Append(ci, $"{"run".PadRight(width)}  digest        {"updates",10}  {"trains",10}  {"MFLOP/upd",9}  {"PFLOP",7}  {"est. s",8}\n");
        foreach (var r in rows)
            text.Append(ci, $"{r.Name.PadRight(width)}  {r.Digest}  {r.Updates,10:N0}  {r.Trains,10:N0}  {r.FlopPerUpdate / 1e6,9:F1}  {r.Flop / 1e15,7:F3}  {r.Seconds,8:F0}\n");
        double selection = plan.AllTasks(SuiteStage.Selection).Sum(t => t.Cost), final = plan.AllTasks(SuiteStage.Final).Sum(t => t.Cost);
        text.Append(ci, $"{rows.Count} runs; ");
        if (plan.Selects)
            text.Append(ci, $"selection stage {selection / 1e15:F3} PFLOP (every candidate to {plan.SelectionUpdates:N0} updates), final stage {final / 1e15:F3} PFLOP (each winner from there to the end); ");
        text.Append(ci, $"total {(selection + final) / 1e15:F3} PFLOP ≈ {(selection + final) / SuiteCost.FlopsPerSecond / 3600:F2} h at {SuiteCost.FlopsPerSecond / 1e9:F0} GFLOP/s ")
            .Append("(the 1000-wide network's training step on 2 cores; evaluation, probes and narrow networks make it slower).\n");
        return text.ToString();
    }

    /// <summary>Writes every run's spec as <c>DIRECTORY/NAME.json</c>, each accepted unchanged by <c>glorot train</c>; returns the paths.</summary>
    public static IReadOnlyList<string> ExportSpecs(SuitePlan plan, string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var spec in plan.AllRuns)
        {
            string path = Path.Combine(directory, spec.Name + ".json");
            RunSpecJson.Save(spec, path);
            paths.Add(path);
        }
        return paths;
    }
}
