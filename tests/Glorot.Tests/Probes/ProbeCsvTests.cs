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
        // Only activation rows carry it.
        Assert.All(lines.Skip(1).Where(l => !l.Contains(",activation,", StringComparison.Ordinal)), l => Assert.EndsWith(",", l));
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
