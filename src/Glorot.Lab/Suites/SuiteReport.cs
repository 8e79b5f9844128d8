using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>
/// The outputs of a whole suite drawn from its runs, wherever they lie: selection.json/csv, every figure, Table 1 and
/// report.html. The same code serves a suite trained in one process and one gathered from shards by
/// <c>glorot report</c>, so both give the same bytes in every CSV.
/// </summary>
public static class SuiteReport
{
    /// <summary>
    /// Writes the outputs of <paramref name="layout"/> into <paramref name="outDirectory"/>; returns the report's path.
    /// <paramref name="stage"/> hears "figures", then "report".
    /// </summary>
    public static string Write(SuitePlan plan, SuiteLayout layout, IReadOnlyList<RunResult> results, string outDirectory, double seconds,
        Action<string>? stage = null)
    {
        Directory.CreateDirectory(outDirectory);
        if (layout.Choices.Count > 0) LearningRateSelection.Write(layout.Choices, outDirectory);
        stage?.Invoke("figures");
        var figures = FigureSet.DrawAll(layout, outDirectory);
        stage?.Invoke("report");
        return HtmlReport.Write(outDirectory, plan.Options, layout, results, figures, MachineInfo.Describe(), seconds);
    }
}
