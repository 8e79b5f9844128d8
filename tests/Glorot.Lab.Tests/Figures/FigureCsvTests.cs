using Glorot.IO;
using Glorot.Lab.Figures;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Figures;

public sealed class FigureCsvTests
{
    private static readonly CsvSchema Columns = new("fig.csv",
        new("step", CsvKind.Integer), new("layer", CsvKind.Integer), new("mean", CsvKind.Number), new("predicted", CsvKind.OptionalNumber),
        new("network", CsvKind.Text));

    [Fact]
    public void A_figure_table_is_its_header_then_rows_in_invariant_round_trip_form()
    {
        using var temp = new TempDirectory();
        var csv = new FigureCsv(Columns);
        csv.Add(20000L, 1, 0.1 + 0.2, null, "Tanh N");
        csv.Add(0L, 5, double.PositiveInfinity, 1e-300, "softsign");
        csv.Save(temp.Sub("fig.csv"));
        Assert.Equal("step,layer,mean,predicted,network\n20000,1,0.30000000000000004,,Tanh N\n0,5,Infinity,1E-300,softsign\n",
            File.ReadAllText(temp.Sub("fig.csv")));
    }

    [Fact]
    public void A_row_that_does_not_fit_the_declared_columns_is_refused()
    {
        var csv = new FigureCsv(Columns);
        Assert.Contains("column 'layer'", Assert.Throws<ArgumentException>(() => csv.Add(1L, "top", 0.5, null, "tanh")).Message);
        Assert.Throws<ArgumentException>(() => csv.Add(1L, 2, 0.5, null));
    }
}
