using Glorot.Lab.Figures;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;

namespace Glorot.Lab.Report;

/// <summary>One row of Table 1: the paper's Shapeset test error beside what this run measured.</summary>
/// <param name="Network">The paper's name.</param>
/// <param name="PaperTestError">Table 1, Shapeset column (%), null where the paper has no row.</param>
/// <param name="PaperFigure11Error">End of its Fig. 11 curve (%), read off the plot.</param>
/// <param name="MeasuredTestError">Test error (%) at the end of this run.</param>
/// <param name="BestValidationTestError">Test error (%) where the validation error was lowest.</param>
/// <param name="Updates">Updates this run did.</param>
/// <param name="Status">completed / diverged / …</param>
public sealed record Table1Row(string Network, double? PaperTestError, double? PaperFigure11Error, double? MeasuredTestError,
    double? BestValidationTestError, long Updates, string Status);

/// <summary>Table 1 (Shapeset column): paper vs measured, also written as table1.csv.</summary>
public static class Table1
{
    /// <summary>The rows, one per run of <paramref name="runs"/> in <c>OUT/runs/NAME</c>.</summary>
    public static List<Table1Row> Rows(IReadOnlyList<SuiteRun> runs, IReadOnlyList<RunResult> results, string outDirectory) =>
        Rows(SuiteLayout.InDirectory(runs, outDirectory), results, outDirectory);

    /// <summary>The rows, one per network of <paramref name="layout"/>, from the runs' metrics.csv.</summary>
    public static List<Table1Row> Rows(SuiteLayout layout, IReadOnlyList<RunResult> results, string outDirectory)
    {
        var rows = new List<Table1Row>();
        foreach (var run in layout.Networks)
        {
            var dir = layout.Primary(run.Spec.Name);
            var result = dir is null ? null : results.FirstOrDefault(r => r.Directory.Root == dir.Root);
            var metrics = dir is not null ? RunTables.Metrics(dir) : [];
            var last = metrics.LastOrDefault();
            var best = metrics.OrderBy(m => m.ValidationError).ThenBy(m => m.Step).FirstOrDefault();
            rows.Add(new Table1Row(run.Label, run.PaperTestError, run.PaperFigure11Error, Percent(last?.TestError),
                Percent(best?.TestError), last?.Step ?? 0, result?.Status.ToString().ToLowerInvariant() ?? SuiteLayout.Status(dir)));
        }
        var csv = new Csv("network", "paper_table1_shapeset_percent", "paper_fig11_end_percent", "measured_test_error_percent",
            "test_error_at_best_validation_percent", "updates", "status");
        foreach (var r in rows) csv.Add(r.Network, r.PaperTestError, r.PaperFigure11Error, r.MeasuredTestError, r.BestValidationTestError, r.Updates, r.Status);
        csv.Save(Path.Combine(outDirectory, "table1.csv"));
        return rows;
    }

    // Errors are counts over the test set, so four decimals of a percentage are exact; without rounding,
    // 100·0.771 prints as 77.10000000000001.
    private static double? Percent(double? fraction) => fraction is { } f ? Math.Round(100 * f, 4) : null;
}
