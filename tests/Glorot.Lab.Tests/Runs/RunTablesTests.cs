using Glorot.Lab.Runs;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Runs;

public sealed class RunTablesTests
{
    [Fact]
    public void Tables_read_back_what_a_run_wrote()
    {
        using var temp = new TempDirectory();
        var result = Runner.Run(TinySpecs.Tanh(40) with { JacobianExamples = 1 }, temp.Path);
        var metrics = RunTables.Metrics(result.Directory);
        Assert.Equal([0L, 20, 40], metrics.Select(m => m.Step));
        Assert.Equal(400, metrics[^1].ExamplesSeen);
        Assert.Null(metrics[0].TrainError);            // nothing trained before update 0
        Assert.Equal(result.FinalTestError, metrics[^1].TestError);
        var probes = RunTables.Probes(result.Directory);
        Assert.Contains(probes, p => p.Step == 0 && p.Layer == 1 && p.Quantity == "activation" && p.JacobianMeanSingularValue is > 0);
        Assert.DoesNotContain(probes, p => p.Step > 0 && p.JacobianMeanSingularValue is not null);
        Assert.All(probes.Where(p => p.Quantity == "activation"), p => Assert.InRange(p.AbsP98!.Value, 0, 1));
        Assert.All(probes.Where(p => p.Quantity != "activation"), p => Assert.Null(p.AbsP98));
        var bins = RunTables.Histograms(result.Directory).Where(b => b.Step == 0 && b.Layer == 2 && b.Quantity == "activation").ToList();
        Assert.Equal(10, bins.Count);
        Assert.Equal(-1, bins[0].Low);
        Assert.Equal(1, bins[^1].High);
    }

    [Fact]
    public void Probe_tables_written_before_abs_p98_existed_still_read()
    {
        using var temp = new TempDirectory();
        var dir = new RunDirectory(temp.Path);
        File.WriteAllText(dir.Probes, "step,layer,quantity,count,mean,std,min,max,p1,p99,percentile_rel_error,non_finite,jacobian_mean_sv\n"
            + "0,1,activation,10,0.1,0.3,-0.9,0.9,-0.7,0.7,0,0,0.5\n");
        var row = Assert.Single(RunTables.Probes(dir));
        Assert.Null(row.AbsP98);
        Assert.Null(row.FanInWeightVariance);
        Assert.Null(row.VarianceRatio);
        Assert.Equal(0.5, row.JacobianMeanSingularValue);
        Assert.Equal(-0.7, row.P01);
        File.WriteAllText(dir.Probes, "step,layer,quantity\n0,1,activation\n");
        Assert.Contains("no column 'mean'", Assert.Throws<InvalidDataException>(() => RunTables.Probes(dir)).Message);
    }

    [Fact]
    public void A_row_with_missing_cells_is_reported_with_file_and_line()
    {
        using var temp = new TempDirectory();
        var dir = new RunDirectory(temp.Path);
        File.WriteAllText(dir.Metrics, string.Join(",", Runner.MetricsColumns) + "\n0,0,,,1,0.5,1,0.5\n10,100,1\n");
        var ex = Assert.Throws<InvalidDataException>(() => RunTables.Metrics(dir));
        Assert.Contains(dir.Metrics, ex.Message);
        Assert.Contains("line 3", ex.Message);
    }

    [Fact]
    public void A_cell_that_is_not_a_number_is_reported_with_file_and_line()
    {
        using var temp = new TempDirectory();
        var dir = new RunDirectory(temp.Path);
        File.WriteAllText(dir.Metrics, string.Join(",", Runner.MetricsColumns) + "\n0,0,,,1,0.5,1,zero\n");
        var ex = Assert.Throws<InvalidDataException>(() => RunTables.Metrics(dir));
        Assert.Contains(dir.Metrics, ex.Message);
        Assert.Contains("line 2", ex.Message);
    }

    [Fact]
    public void A_missing_table_says_the_run_did_not_finish_writing()
    {
        using var temp = new TempDirectory();
        var ex = Assert.Throws<FileNotFoundException>(() => RunTables.Probes(new RunDirectory(temp.Path)));
        Assert.Contains("probe_summary.csv", ex.Message);
    }
}
