using Glorot.Random;
using Glorot.Theory;

namespace Glorot.Tests.Theory;

public class DepthScalesTests
{
    [Fact]
    public void Q_slope_is_the_derivative_of_the_q_map()
    {
        // Schoenholz et al. 2017 eq. 4: ξ_q⁻¹ = −ln(dq_{l+1}/dq_l at q*); checked against a central difference of QMap.
        foreach (var (phi, sw2, sb2) in new[] { (Activation.Tanh, 1.5, 0.05), (Activation.Sigmoid, 3.0, 0.2), (Activation.Elu(), 1.2, 0.1) })
        {
            var scales = DepthScales.Of(phi, sw2, sb2);
            double h = 1e-5 * scales.QStar;
            double slope = (MeanField.QMap(phi, scales.QStar + h, sw2, sb2) - MeanField.QMap(phi, scales.QStar - h, sw2, sb2)) / (2 * h);
            Assert.Equal(slope, scales.QSlope, 1e-6);
            Assert.Equal(-1 / Math.Log(slope), scales.XiQ, 1e-3 * scales.XiQ);
        }
    }

    [Fact]
    public void Ordered_phase_has_c_star_one_and_xi_c_from_chi1()
    {
        var scales = DepthScales.Of(Activation.Tanh, 0.5, 0.05);
        Assert.False(scales.Chaotic);
        Assert.Equal(1, scales.CStar);
        Assert.Equal(scales.Chi1, scales.ChiC);
        Assert.Equal(-1 / Math.Log(scales.Chi1), scales.XiC, 12);
    }

    [Fact]
    public void Xi_c_diverges_at_the_edge_of_chaos()
    {
        // Schoenholz et al. 2017 §3: ξ_c → ∞ as χ₁ → 1, from both sides.
        var edge = EdgeOfChaos.At(Activation.Tanh, 0.05);
        double below = DepthScales.Of(Activation.Tanh, edge.SigmaW2 * 0.98, 0.05).XiC;
        double above = DepthScales.Of(Activation.Tanh, edge.SigmaW2 * 1.02, 0.05).XiC;
        double farBelow = DepthScales.Of(Activation.Tanh, edge.SigmaW2 * 0.7, 0.05).XiC;
        double farAbove = DepthScales.Of(Activation.Tanh, edge.SigmaW2 * 1.5, 0.05).XiC;
        Assert.True(below > 3 * farBelow, $"{below} vs {farBelow}");
        Assert.True(above > 3 * farAbove, $"{above} vs {farAbove}");
    }

    [Fact]
    public void Chaotic_correlation_fixed_point_is_a_fixed_point_below_one()
    {
        var scales = DepthScales.Of(Activation.Tanh, 2.5, 0.05);
        Assert.True(scales.Chaotic);
        Assert.InRange(scales.CStar, 0.01, 0.99);
        // 1e-6: q* (200-point rule) and the c-map (64² points) agree to ≈ 1e-7.
        Assert.Equal(scales.CStar, DepthScales.CorrelationMap(Activation.Tanh, scales.QStar, scales.CStar, 2.5, 0.05), 1e-6);
        Assert.InRange(scales.ChiC, 0, 1);   // c* attracts
    }

    [Fact]
    public void Correlation_map_matches_brute_force_double_quadrature()
    {
        // 2-D trapezoid on [−10, 10]², 1201² points: independent of the Gauss–Hermite and split Gauss–Legendre rules.
        foreach (var phi in new[] { Activation.Tanh, Activation.Relu, Activation.Selu })
        {
            const double q = 0.8, c = 0.6, sw2 = 1.7, sb2 = 0.1;
            const int n = 1200;
            const double a = -10, h = 20.0 / n;
            double s = Math.Sqrt(1 - c * c), r = Math.Sqrt(q), sum = 0;
            for (int i = 0; i <= n; i++)
                for (int j = 0; j <= n; j++)
                {
                    double z1 = a + i * h, z2 = a + j * h;
                    double w = (i == 0 || i == n ? 0.5 : 1) * (j == 0 || j == n ? 0.5 : 1) * Math.Exp(-0.5 * (z1 * z1 + z2 * z2));
                    sum += w * phi.Forward(r * z1) * phi.Forward(r * (c * z1 + s * z2));
                }
            double expected = (sw2 * sum * h * h / (2 * Math.PI) + sb2) / q;
            Assert.Equal(expected, DepthScales.CorrelationMap(phi, q, c, sw2, sb2), 2e-5);
        }
    }

    [Fact]
    public void Chi1_and_c_star_match_a_wide_random_network()
    {
        // Monte Carlo: a 1000-wide, 30-layer tanh network with W ~ N(0, σ_w²/n), b ~ N(0, σ_b²), started at q*.
        // χ₁ is the per-layer growth of ‖J·v‖² for a tangent vector v (Poole et al. 2016 eq. 8); one layer's ratio
        // fluctuates by ≈ √(2/n) = 4.5 %, the geometric mean over the last 25 layers by ≈ 1 %: tolerance 4 %.
        // The correlation of two inputs settles at c*; with n = 1000 one pair's empirical correlation fluctuates by
        // ≈ 1/√n ≈ 0.03 and stays correlated over layers, so the mean of 8 pairs over the last 10 layers by ≈ 0.012:
        // tolerance 0.04.
        const double sw2 = 2.5, sb2 = 0.05;
        const int n = 1000, depth = 30;
        var scales = DepthScales.Of(Activation.Tanh, sw2, sb2);
        // Seed 11; stream 0 the tangent, 1 … 2·pairs the inputs, 100 + 2l and 101 + 2l layer l's weights and biases.
        const int pairs = 8;
        double[] v = Gaussian(0, n, 1);
        // The inputs are pre-activations already at the fixed point (q*, c*), so every layer should keep them there
        // (from independent inputs c climbs to c* only at the rate χ_c per layer).
        var xs = new double[2 * pairs][];
        for (int k = 0; k < pairs; k++)
        {
            double[] a = Gaussian(1 + 2 * (ulong)k, n, 1), e = Gaussian(2 + 2 * (ulong)k, n, 1);
            double r = Math.Sqrt(scales.QStar), s = Math.Sqrt(1 - scales.CStar * scales.CStar);
            xs[2 * k] = a.Select(t => r * t).ToArray();
            xs[2 * k + 1] = a.Select((t, i) => r * (scales.CStar * t + s * e[i])).ToArray();
        }
        double logGrowth = 0, correlation = 0;
        for (int l = 0; l < depth; l++)
        {
            var w = Gaussian(100 + 2 * (ulong)l, n * n, Math.Sqrt(sw2 / n));
            var b = Gaussian(101 + 2 * (ulong)l, n, Math.Sqrt(sb2));
            // Layer l maps the previous pre-activations h through tanh, then W and b.
            double[] jv = Tangent(w, xs[0], v);
            xs = xs.Select(x => Layer(w, b, x)).ToArray();
            if (l >= 5) logGrowth += Math.Log(Dot(jv, jv) / Dot(v, v));
            if (l >= depth - 10)
                for (int k = 0; k < pairs; k++)
                    correlation += Dot(xs[2 * k], xs[2 * k + 1]) / Math.Sqrt(Dot(xs[2 * k], xs[2 * k]) * Dot(xs[2 * k + 1], xs[2 * k + 1])) / pairs;
            v = jv;
        }
        Assert.Equal(scales.Chi1, Math.Exp(logGrowth / (depth - 5)), 0.04 * scales.Chi1);
        Assert.Equal(scales.CStar, correlation / 10, 0.04);
    }

    [Fact]
    public void Chaotic_phase_has_finite_xi_c_away_from_the_edge()
    {
        // Larger σ_b² puts c* near 1 (Schoenholz et al. 2017 Fig. 1): ξ_c stays finite there, not the edge's ∞.
        foreach (var (sw2, sb2) in new[] { (3.5, 0.3), (3.0, 0.45), (2.5, 0.05) })
        {
            var scales = DepthScales.Of(Activation.Tanh, sw2, sb2);
            Assert.True(scales.Chaotic);
            Assert.True(scales.CStar < 1 && double.IsFinite(scales.XiC) && scales.XiC > 0, $"σ_w² {sw2}, σ_b² {sb2}: c* {scales.CStar}, ξ_c {scales.XiC}");
        }
    }

    [Fact]
    public void Bad_scale_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DepthScales.Of(Activation.Tanh, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DepthScales.Of(Activation.Tanh, -1));
    }

    private static double[] Gaussian(ulong stream, int count, double std)
    {
        var random = new RandomStream(11, stream);
        var x = new double[count];
        for (int i = 0; i < count; i++) x[i] = random.NextGaussian() * std;
        return x;
    }

    // h' = W·tanh(h) + b.
    private static double[] Layer(double[] w, double[] b, double[] h)
    {
        int n = b.Length;
        var z = new double[n];
        for (int j = 0; j < n; j++) z[j] = Math.Tanh(h[j]);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int j = 0; j < n; j++) sum += w[i * n + j] * z[j];
            y[i] = sum;
        }
        return y;
    }

    // J·v = W·diag(tanh′(h))·v.
    private static double[] Tangent(double[] w, double[] h, double[] v)
    {
        int n = v.Length;
        var d = new double[n];
        for (int j = 0; j < n; j++) { double t = Math.Tanh(h[j]); d[j] = (1 - t * t) * v[j]; }
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++) sum += w[i * n + j] * d[j];
            y[i] = sum;
        }
        return y;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
