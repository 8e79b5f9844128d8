using System.Globalization;
using Glorot.Probes;

namespace Glorot.Tests.Probes;

public class ProbeCsvTests
{
    [Fact]
    public void Summary_table_has_a_row_per_layer_and_quantity_with_the_record_numbers()
    {
        var record = ProbeJsonTests.SmallRecord();
        var lines = ProbeCsv.SummaryTable([record]).TrimEnd('\n').Split('\n');
        // input + output gradient + 2 hidden layers × 4 quantities.
        Assert.Equal(1 + 2 + 2 * 4, lines.Length);
        var row = lines.Single(l => l.StartsWith("42,2,activation,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(record.Layers[1].Activations.Std, double.Parse(row[5], CultureInfo.InvariantCulture));
        Assert.Equal(record.Layers[1].Activations.P99, double.Parse(row[9], CultureInfo.InvariantCulture));
        Assert.Equal("abs_p98", lines[0].Split(',')[13]);
        Assert.Equal(record.Layers[1].ActivationAbsP98, double.Parse(row[13], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Summary_table_ends_with_the_conditions_n_in_var_w_n_out_var_w_and_var_ratio()
    {
        var record = ProbeJsonTests.SmallRecord();
        var lines = ProbeCsv.SummaryTable([record]).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal(["abs_p98", "n_in_var_w", "n_out_var_w", "var_ratio"], header[13..]);
        double Cell(string prefix, string column) => double.Parse(
            lines.Single(l => l.StartsWith(prefix, StringComparison.Ordinal)).Split(',')[Array.IndexOf(header, column)], CultureInfo.InvariantCulture);
        string CellText(string prefix, string column) => lines.Single(l => l.StartsWith(prefix, StringComparison.Ordinal)).Split(',')[Array.IndexOf(header, column)];
        var (l1, l2) = (record.Layers[0], record.Layers[1]);
        Assert.Equal(l2.FanIn * l2.WeightVariance, Cell("42,2,activation,", "n_in_var_w"));
        Assert.Equal(l2.FanOut * l2.WeightVariance, Cell("42,2,activation,", "n_out_var_w"));
        Assert.Equal(l1.FanIn * l1.WeightVariance, Cell("42,1,activation,", "n_in_var_w"));
        // var_ratio: on activation rows the variance gained from the layer below, on backprop rows from the layer above.
        Assert.Equal(l2.Activations.Std * l2.Activations.Std / (l1.Activations.Std * l1.Activations.Std), Cell("42,2,activation,", "var_ratio"));
        Assert.Equal(l1.BackpropGradients.Std * l1.BackpropGradients.Std / (l2.BackpropGradients.Std * l2.BackpropGradients.Std),
            Cell("42,1,backprop_gradient,", "var_ratio"));
        Assert.Equal("", CellText("42,1,activation,", "var_ratio"));
        Assert.Equal("", CellText("42,2,backprop_gradient,", "var_ratio"));
        // Only activation rows carry jacobian_mean_sv … n_out_var_w.
        Assert.All(lines.Skip(1).Where(l => !l.Contains(",activation,", StringComparison.Ordinal)),
            l => Assert.Equal(["", "", "", ""], l.Split(',')[12..16]));
    }

    [Fact]
    public void A_record_from_before_the_weight_variance_existed_leaves_its_cells_empty()
    {
        var record = ProbeJsonTests.SmallRecord();
        var old = record with { Layers = [.. record.Layers.Select(l => l with { WeightVariance = double.NaN })] };
        var lines = ProbeCsv.SummaryTable([old]).TrimEnd('\n').Split('\n');
        var row = lines.Single(l => l.StartsWith("42,1,activation,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["", ""], row[14..16]);
    }

    [Fact]
    public void Histogram_table_densities_integrate_to_one_per_layer_and_quantity()
    {
        string dir = Directory.CreateTempSubdirectory("probecsv").FullName;
        ProbeCsv.Write([ProbeJsonTests.SmallRecord()], dir);
        var rows = File.ReadAllLines(Path.Combine(dir, ProbeCsv.HistogramFile)).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var group in rows.GroupBy(r => (r[1], r[2])))
        {
            double area = group.Sum(r => double.Parse(r[7], CultureInfo.InvariantCulture)
                * (double.Parse(r[5], CultureInfo.InvariantCulture) - double.Parse(r[4], CultureInfo.InvariantCulture)));
            Assert.Equal(1, area, 9);
        }
        Assert.True(File.Exists(Path.Combine(dir, ProbeCsv.SummaryFile)));
        Directory.Delete(dir, true);
    }
}
