using Glorot.Lab.Figures;
using Glorot.Lab.Tests.Runs;
using C = Glorot.Lab.Figures.CostSurface.Criterion;

namespace Glorot.Lab.Tests.Figures;

public sealed class CostSurfaceTests
{
    private static readonly CostSurface.Network Net = CostSurface.Network.Random(examples: 3, inputs: 4, hidden: 5, seed: 11);

    // The definition, written out for one example: s_j = Σ_i v_ji x_i, h = tanh(s), logits (Σ_j u_j h_j, 0), softmax.
    private static (double CrossEntropy, double Quadratic) ByDefinition(CostSurface.Network net, double w1, double w2)
    {
        double ce = 0, q = 0;
        for (int n = 0; n < net.Examples; n++)
        {
            double a = 0;
            for (int j = 0; j < net.Hidden; j++)
            {
                double s = 0;
                for (int i = 0; i < net.Inputs; i++) s += (j == 0 && i == 0 ? w1 : net.V[j * net.Inputs + i]) * net.X[n * net.Inputs + i];
                a += (j == 0 ? w2 : net.U[j]) * Math.Tanh(s);
            }
            double[] p = [1 / (1 + Math.Exp(a)), Math.Exp(a) / (1 + Math.Exp(a))];   // softmax of (0, a)
            double[] y = [net.T[n] == 0 ? 1 : 0, net.T[n] == 1 ? 1 : 0];
            ce += -Math.Log(p[net.T[n]]);
            q += 0.5 * ((p[0] - y[0]) * (p[0] - y[0]) + (p[1] - y[1]) * (p[1] - y[1]));
        }
        return (ce / net.Examples, q / net.Examples);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-4, 4)]
    [InlineData(2.5, -1.5)]
    [InlineData(4, 4)]
    public void Costs_are_cross_entropy_and_half_squared_error_of_the_softmax_outputs(double w1, double w2)
    {
        var (ce, q) = ByDefinition(Net, w1, w2);
        Assert.Equal(ce, CostSurface.Cost(Net, C.CrossEntropy, w1, w2), 12);
        Assert.Equal(q, CostSurface.Cost(Net, C.Quadratic, w1, w2), 12);
        Assert.InRange(q, 0, 1);
    }

    [Fact]
    public void The_grid_holds_the_costs_at_its_points_rows_by_w2_columns_by_w1()
    {
        var surface = CostSurface.Compute(Net, points: 9);
        Assert.Equal(-4, surface.W1[0]);
        Assert.Equal(4, surface.W2[^1]);
        foreach (var (i, j) in new[] { (0, 0), (2, 7), (8, 3) })
        {
            var (ce, q) = ByDefinition(Net, surface.W1[j], surface.W2[i]);
            Assert.Equal(ce, surface.CrossEntropy[i, j], 12);
            Assert.Equal(q, surface.Quadratic[i, j], 12);
        }
    }

    [Theory]
    [InlineData(0.3, -2.0)]
    [InlineData(-3.1, 3.7)]
    [InlineData(1.2, 0.4)]
    public void Analytic_gradients_match_central_differences(double w1, double w2)
    {
        const double h = 1e-5;
        foreach (var c in new[] { C.CrossEntropy, C.Quadratic })
        {
            var (g1, g2) = CostSurface.Gradient(Net, c, w1, w2);
            double d1 = (CostSurface.Cost(Net, c, w1 + h, w2) - CostSurface.Cost(Net, c, w1 - h, w2)) / (2 * h);
            double d2 = (CostSurface.Cost(Net, c, w1, w2 + h) - CostSurface.Cost(Net, c, w1, w2 - h)) / (2 * h);
            Assert.Equal(d1, g1, 7);
            Assert.Equal(d2, g2, 7);
        }
    }

    [Fact]
    public void Plateau_fraction_counts_flat_points_far_above_the_minimum()
    {
        var surface = CostSurface.Compute(Figure5CostSurface.Network(), points: 21);
        foreach (var c in new[] { C.CrossEntropy, C.Quadratic })
        {
            var cost = c == C.CrossEntropy ? surface.CrossEntropy : surface.Quadratic;
            double min = cost.Cast<double>().Min(), range = cost.Cast<double>().Max() - min;
            int count = 0;
            const double h = 1e-5;
            for (int i = 0; i < 21; i++)
                for (int j = 0; j < 21; j++)
                {
                    double w1 = surface.W1[j], w2 = surface.W2[i];
                    double d1 = (CostSurface.Cost(surface.Net, c, w1 + h, w2) - CostSurface.Cost(surface.Net, c, w1 - h, w2)) / (2 * h);
                    double d2 = (CostSurface.Cost(surface.Net, c, w1, w2 + h) - CostSurface.Cost(surface.Net, c, w1, w2 - h)) / (2 * h);
                    if (cost[i, j] - min > CostSurface.PlateauHeight * range && Math.Sqrt(d1 * d1 + d2 * d2) < CostSurface.PlateauSlope * range / 8) count++;
                }
            Assert.Equal(count / 441.0, surface.PlateauFraction(c), 9);
        }
        // The figure's network (one example) spans the paper's ranges: cross-entropy up to ≈5, quadratic within [0, 1].
        Assert.InRange(surface.CrossEntropy.Cast<double>().Max(), 3, 8);
        Assert.InRange(surface.Quadratic.Cast<double>().Max(), 0.5, 1);
    }

    [Fact]
    public void Figure_5_writes_png_svg_and_the_grid_as_csv()
    {
        using var temp = new TempDirectory();
        var figure = Figure5CostSurface.Draw(temp.Path, points: 11);
        Assert.True(new FileInfo(figure.Png).Length > 1000);
        Assert.StartsWith("<?xml", File.ReadAllText(figure.Svg).TrimStart());
        var lines = File.ReadAllLines(figure.Csv);
        Assert.Equal("w1,w2,cross_entropy,quadratic", lines[0]);
        Assert.Equal(1 + 11 * 11, lines.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => CostSurface.Compute(Net, points: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => CostSurface.Network.Random(examples: 0));
    }
}
