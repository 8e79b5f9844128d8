using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Suites;

public sealed class Table1Tests
{
    [Fact]
    public void Measured_columns_are_the_last_test_error_and_the_test_error_at_the_lowest_validation_error()
    {
        using var temp = new TempDirectory();
        var run = new SuiteRun(TinySpecs.Tanh() with { Name = "tanh" }, "Tanh", 27.15, 27.5);
        string dir = Path.Combine(temp.Path, "runs", "tanh");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "metrics.csv"), string.Join(",", Runner.MetricsColumns) + "\n" +
            "0,0,,,2.2,0.80,2.2,0.81\n" +
            "10,100,2,0.7,1.9,0.40,1.9,0.42\n" +   // lowest validation error: its test error is 42 %
            "20,200,2,0.7,1.9,0.45,1.9,0.44\n");
        var rows = Table1.Rows([run], [], temp.Path);

        var row = Assert.Single(rows);
        Assert.Equal(27.15, row.PaperTestError);
        Assert.Equal(44, row.MeasuredTestError!.Value, 9);
        Assert.Equal(42, row.BestValidationTestError!.Value, 9);
        Assert.Equal(20, row.Updates);
        Assert.Equal("missing", row.Status); // no RunResult given
        Assert.StartsWith("network,paper_table1_shapeset_percent", File.ReadAllLines(Path.Combine(temp.Path, "table1.csv"))[0]);
    }

    [Fact]
    public void A_run_without_metrics_gets_empty_measured_cells()
    {
        using var temp = new TempDirectory();
        var rows = Table1.Rows([new SuiteRun(TinySpecs.Tanh(), "Tanh", 27.15, null)], [], temp.Path);
        Assert.Null(rows[0].MeasuredTestError);
        Assert.Contains("Tanh,27.15,,,,0,missing", File.ReadAllText(Path.Combine(temp.Path, "table1.csv")));
    }
}
