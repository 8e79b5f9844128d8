using Glorot.Lab.Figures;
using Glorot.Lab.Report;
using Glorot.Lab.Runs;
using Glorot.IO;

namespace Glorot.Lab.Suites;

/// <summary>One row of Table 1: the paper's test error on the suite's data set beside what this run measured.</summary>
/// <param name="Network">The paper's name.</param>
/// <param name="PaperTestError">Table 1, the data set's column (%), null where the paper has no value (no row, or Fashion-MNIST).</param>
/// <param name="PaperFigure11Error">End of its Fig. 11 (Shapeset) or Fig. 12 (MNIST, CIFAR-10) curve (%), read off the plot.</param>
/// <param name="MeasuredTestError">Test error (%) at the end of this run (mean over seeds).</param>
/// <param name="BestValidationTestError">Test error (%) where the validation error was lowest (mean over seeds).</param>
/// <param name="Updates">Updates this run did (the most over seeds).</param>
/// <param name="Status">completed / diverged / … (with several seeds: each status with its count).</param>
internal sealed record Table1Row(string Network, double? PaperTestError, double? PaperFigure11Error, double? MeasuredTestError,
    double? BestValidationTestError, long Updates, string Status)
{
    /// <summary>Seeds with a run (the mean and standard deviation are over these).</summary>
    public int Seeds { get; init; }

    /// <summary>Sample standard deviation (%) of the end-of-run test error over seeds; null with fewer than 2.</summary>
    public double? MeasuredStd { get; init; }

    /// <summary>Sample standard deviation (%) of the test error at the best validation error over seeds; null with fewer than 2.</summary>
    public double? BestValidationStd { get; init; }

    /// <summary>Fashion-MNIST only: Table 1's MNIST value (%), the closest reference, not a value for this data set.</summary>
    public double? PaperReference { get; init; }

    /// <summary>The end-of-run test error (%) of each seed with a run.</summary>
    public IReadOnlyList<double> MeasuredPerSeed { get; init; } = [];
}

/// <summary>Table 1 (the suite's data set's column): paper vs measured, also written as table1.csv.</summary>
internal static class Table1
{
    /// <summary>table1-significance.csv: Welch's test of two networks' end-of-run test errors; significant is "yes"/"no".</summary>
    private static readonly CsvSchema SignificanceColumns = new("table1-significance.csv",
        new("a", CsvKind.Text), new("b", CsvKind.Text), new("metric", CsvKind.Text), new("seeds_a", CsvKind.Integer), new("seeds_b", CsvKind.Integer), new("mean_difference_percent", CsvKind.Number), new("t", CsvKind.Number), new("degrees_of_freedom", CsvKind.Number), new("p_two_sided", CsvKind.Number), new("alpha", CsvKind.Number), new("significant", CsvKind.Text));

    /// <summary>The rows, one per run of <paramref name="runs"/> in <c>OUT/runs/NAME</c>.</summary>
    public static List<Table1Row> Rows(IReadOnlyList<SuiteRun> runs, IReadOnlyList<RunResult> results, string outDirectory) =>
        Rows(SuiteLayout.InDirectory(runs, outDirectory), results, outDirectory);

    /// <summary>The rows, one per network of <paramref name="layout"/>, from the runs' metrics.csv (mean ± std over seeds).</summary>
    public static List<Table1Row> Rows(SuiteLayout layout, IReadOnlyList<RunResult> results, string outDirectory)
    {
        var rows = new List<Table1Row>();
        string dataset = layout.Networks.Count > 0 ? layout.Networks[0].Spec.Dataset.ToLowerInvariant() : "shapeset";
        bool standIn = dataset == "fashion-mnist";
        foreach (var run in layout.Networks)
        {
            var seeds = layout.AllSeeds(run.Spec.Name);
            var present = seeds.OfType<RunDirectory>().ToList();
            var ends = new List<double>();
            var bests = new List<double>();
            long updates = 0;
            foreach (var dir in present)
            {
                var metrics = RunTables.Metrics(dir);
                if (metrics.Count == 0) continue;
                ends.Add(100 * metrics[^1].TestError);
                bests.Add(100 * metrics.OrderBy(m => m.ValidationError).ThenBy(m => m.Step).First().TestError);
                updates = Math.Max(updates, metrics[^1].Step);
            }
            var statuses = seeds.Select(dir => dir is null ? "missing"
                : results.FirstOrDefault(r => r.Directory.Root == dir.Root)?.Status.ToString().ToLowerInvariant() ?? SuiteLayout.Status(dir)).ToList();
            string status = seeds.Count == 1 ? statuses[0]
                : string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key} {g.Count()}/{seeds.Count}"));
            rows.Add(new Table1Row(run.Label, run.PaperTestError, run.PaperFigure11Error, Mean(ends), Mean(bests), updates, status)
            {
                Seeds = ends.Count,
                MeasuredStd = Std(ends),
                BestValidationStd = Std(bests),
                MeasuredPerSeed = ends,
                PaperReference = standIn ? PaperTestErrors.Table1("MNIST", run.Spec.Name) : null,
            });
        }
        // Shapeset keeps its historical header; other data sets name their own column and figure (Fashion-MNIST: the MNIST reference).
        string[] paperColumns = dataset switch
        {
            "shapeset" => ["paper_table1_shapeset_percent", "paper_fig11_end_percent"],
            "fashion-mnist" => ["paper_table1_mnist_reference_percent"],
            _ => [$"paper_table1_{dataset}_percent", $"paper_fig12_{dataset}_end_percent"],
        };
        var csv = new FigureCsv(new CsvSchema("table1.csv", [new("network", CsvKind.Text), .. paperColumns.Select(c => new CsvColumn(c, CsvKind.OptionalNumber)),
            new("measured_test_error_percent", CsvKind.OptionalNumber), new("test_error_at_best_validation_percent", CsvKind.OptionalNumber),
            new("updates", CsvKind.Integer), new("status", CsvKind.Text), new("seeds", CsvKind.Integer),
            new("measured_test_error_std_percent", CsvKind.OptionalNumber), new("test_error_at_best_validation_std_percent", CsvKind.OptionalNumber)]));
        foreach (var r in rows)
        {
            object?[] paper = standIn ? [r.PaperReference] : [r.PaperTestError, r.PaperFigure11Error];
            csv.Add([r.Network, .. paper, r.MeasuredTestError, r.BestValidationTestError, r.Updates, r.Status, r.Seeds, r.MeasuredStd, r.BestValidationStd]);
        }
        csv.Save(Path.Combine(outDirectory, "table1.csv"));
        return rows;
    }

    /// <summary>
    /// Welch's t-test of Tanh against Tanh N on the end-of-run test error over seeds (the paper's one claim in
    /// Table 1 this suite can test: normalized init helps tanh), written as table1-significance.csv; null with
    /// fewer than 2 seeds of either.
    /// </summary>
    public static WelchResult? TanhVersusTanhN(IReadOnlyList<Table1Row> rows, string outDirectory)
    {
        var tanh = rows.FirstOrDefault(r => r.Network == "Tanh");
        var tanhN = rows.FirstOrDefault(r => r.Network == "Tanh N");
        if (tanh is null || tanhN is null) return null;
        var result = WelchTest.Compare(tanh.MeasuredPerSeed, tanhN.MeasuredPerSeed);
        if (result is null) return null;
        var csv = new FigureCsv(SignificanceColumns);
        csv.Add("Tanh", "Tanh N", "end_of_run_test_error", tanh.Seeds, tanhN.Seeds, result.MeanDifference, result.T, result.DegreesOfFreedom, result.P,
            WelchTest.Alpha, result.Significant ? "yes" : "no");
        csv.Save(Path.Combine(outDirectory, "table1-significance.csv"));
        return result;
    }

    // Errors are counts over the test set, so four decimals of a percentage are exact; without rounding,
    // 100·0.771 prints as 77.10000000000001.
    private static double? Mean(List<double> values) => values.Count > 0 ? Math.Round(values.Average(), 4) : null;

    private static double? Std(List<double> values) => values.Count > 1 ? Math.Round(Math.Sqrt(WelchTest.MeanVariance(values).Variance), 4) : null;
}
