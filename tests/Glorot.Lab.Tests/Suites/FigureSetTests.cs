using Glorot.Lab.Tests.Suites;

namespace Glorot.Lab.Tests.Suites;

public sealed class FigureSetTests(TinySuiteFixture suite) : IClassFixture<TinySuiteFixture>
{
    private string Figures => Path.Combine(suite.Out, "figures");

    public static TheoryData<string, string> Expected => new()
    {
        { "fig2-sigmoid-activations", "step,layer,mean,std,epoch" },
        { "fig3-tanh-saturation", "step,layer,p01,p99,std" },
        { "fig3-softsign-saturation", "step,layer,p01,p99,std" },
        { "fig4-tanh-final-histograms", "step,layer,low,high,density" },
        { "fig4-softsign-final-histograms", "step,layer,low,high,density" },
        { "fig5-cost-surfaces", "w1,w2,cross_entropy,quadratic" },
        { "fig6-activations-init-standard", "step,layer,low,high,density,mean_field_density,linear_density" },
        { "fig6-activations-init-normalized", "step,layer,low,high,density,mean_field_density,linear_density" },
        { "fig7-backprop-init-standard", "step,layer,low,high,density,mean_field_density,linear_density" },
        { "fig7-backprop-init-normalized", "step,layer,low,high,density,mean_field_density,linear_density" },
        { "fig8-weight-gradients-init-standard", "step,layer,low,high,density,mean_field_density,linear_density" },
        { "fig8-weight-gradients-init-normalized", "step,layer,low,high,density,mean_field_density,linear_density" },
        { "fig9-weight-gradient-std-standard", "step,layer,std,mean,epoch" },
        { "fig9-weight-gradient-std-normalized", "step,layer,std,mean,epoch" },
        { "fig10-tanh-normalized-saturation", "step,layer,p01,p99,std" },
        { "fig11-test-error", "network,step,examples_seen,test_error_percent" },
        { "conditions-n-var-w-standard", "step,layer,n_in_var_w,n_out_var_w,epoch" },
        { "conditions-n-var-w-normalized", "step,layer,n_in_var_w,n_out_var_w,epoch" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_figure_is_a_PNG_an_SVG_and_a_CSV_with_its_columns_and_rows(string id, string header)
    {
        var png = File.ReadAllBytes(Path.Combine(Figures, id + ".png"));
        Assert.True(png.Length > 1000);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        string svg = File.ReadAllText(Path.Combine(Figures, id + ".svg"));
        Assert.Contains("<svg", svg);
        Assert.Contains("</svg>", svg);
        var csv = File.ReadAllLines(Path.Combine(Figures, id + ".csv"));
        Assert.Equal(header, csv[0]);
        Assert.True(csv.Length > 2, $"{id}.csv has no data rows");
        Assert.All(csv.Skip(1), line => Assert.Equal(header.Split(',').Length, line.Split(',').Length));
    }

    [Fact]
    public void Initial_histograms_are_densities_taken_at_update_0()
    {
        var rows = File.ReadAllLines(Path.Combine(Figures, "fig6-activations-init-standard.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal("0", r[0]));
        // Tanh outputs lie in (−1, 1), the histogram's fixed range, so each layer's density integrates to 1.
        foreach (var layer in rows.GroupBy(r => r[1]))
        {
            double area = layer.Sum(r => (double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)
                - double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)) * double.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(area, 1 - 1e-9, 1 + 1e-9);
        }
    }

    [Fact]
    public void Mean_field_overlay_of_fig6_is_a_density_over_the_same_bins()
    {
        // z = tanh(s), s ~ N(0, q): all its mass lies in (−1, 1), the histogram's range, so the predicted bin densities
        // integrate to 1 up to the 1e-9 of the CDF differences; the measured and predicted stds agree within 25 % (the tiny
        // suite's layers are narrow, so each layer's variance is a χ² draw with few degrees of freedom).
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var rows = File.ReadAllLines(Path.Combine(Figures, "fig6-activations-init-normalized.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var layer in rows.GroupBy(r => r[1]))
        {
            double Area(int column) => layer.Sum(r => (double.Parse(r[3], ci) - double.Parse(r[2], ci)) * double.Parse(r[column], ci));
            double Std(int column) => Math.Sqrt(layer.Sum(r =>
            {
                double c = (double.Parse(r[3], ci) + double.Parse(r[2], ci)) / 2;
                return c * c * (double.Parse(r[3], ci) - double.Parse(r[2], ci)) * double.Parse(r[column], ci);
            }));
            Assert.InRange(Area(5), 1 - 1e-6, 1 + 1e-6);
            Assert.InRange(Std(4) / Std(5), 0.75, 1.25);
        }
    }
}
