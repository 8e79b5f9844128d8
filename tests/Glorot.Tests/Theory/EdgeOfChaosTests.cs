using Glorot.Theory;

namespace Glorot.Tests.Theory;

public class EdgeOfChaosTests
{
    [Fact]
    public void Tanh_without_bias_is_critical_at_unit_sigma_w()
    {
        // Poole et al. 2016 §3 and Fig. 2: for tanh at σ_b = 0 the order-to-chaos transition is σ_w = 1 (tanh′(0) = 1, q* → 0).
        var point = EdgeOfChaos.At(Activation.Tanh);
        Assert.Equal(1, point.SigmaW, 6);
        Assert.Equal(0, point.QStar);
    }

    [Fact]
    public void Tanh_at_bias_variance_0_05_is_critical_at_sigma_w2_1_76()
    {
        // Schoenholz et al. 2017 §3 (their Figs. 2–3 use σ_b² = 0.05): the critical σ_w² ≈ 1.76. The brute-force
        // test below checks χ₁ = 1 at this point independently.
        Assert.Equal(1.76, EdgeOfChaos.At(Activation.Tanh, 0.05).SigmaW2, 0.005);
    }

    [Fact]
    public void Relu_family_is_critical_at_he_scale_and_only_without_bias()
    {
        // E[relu′²] = 1/2 for every q: χ₁ = σ_w²/2 (He et al. 2015's 2/n); leaky: (1 + a²)/2.
        Assert.Equal(Math.Sqrt(2), EdgeOfChaos.At(Activation.Relu).SigmaW, 9);
        Assert.Equal(Math.Sqrt(2 / (1 + 0.04)), EdgeOfChaos.At(Activation.LeakyRelu(0.2)).SigmaW, 9);
        Assert.Equal(1, EdgeOfChaos.At(Activation.Identity).SigmaW, 12);
        var error = Assert.Throws<ArgumentException>(() => EdgeOfChaos.At(Activation.Relu, 0.05));
        Assert.Contains("no edge of chaos", error.Message);
        // softplus (φ(0) = ln 2, φ′ → 1): σ_b²(q) = q − E[φ²]/E[φ′²] stays negative, so no σ_b² ≥ 0 is critical.
        Assert.Throws<ArgumentException>(() => EdgeOfChaos.At(Activation.Softplus, 0.1));
    }

    [Theory]
    [InlineData("tanh", 0.05)]
    [InlineData("tanh", 0.3)]
    [InlineData("tanh", 1.0)]
    [InlineData("sigmoid", 0)]
    [InlineData("sigmoid", 0.5)]
    [InlineData("softsign", 0.1)]
    [InlineData("elu", 0.1)]
    [InlineData("selu", 0.1)]
    [InlineData("gelu", 0.1)]
    public void Critical_point_has_unit_chi1_by_brute_force_quadrature(string name, double sigmaB2)
    {
        // Independent of the library's quadrature: with a 40 001-point trapezoid rule on [−12, 12], q* is a fixed point
        // of the q-map, χ₁ = 1 there, and the q-map attracts (slope < 1, by a central difference), so a deep network
        // settles at q*. Tolerances: the two rules agree to ≈ 2e-5 (relative) on the narrow sigmoid′ at q* ≈ 46, and
        // the trapezoid errs by ≈ h·jump·pdf(0) ≈ 2e-4 where φ′ jumps at 0 (SELU): 1e-4 on q*, 5e-4 on χ₁. Where q* is
        // large (sigmoid ≈ 46, GELU at σ_b² = 0.1 ≈ 1466) φ′(√q z)² is narrow in z and the library's 200-point
        // Gauss–Hermite rule is off by up to 3e-3 (docs/THEORY.md, limits): 5e-3 there.
        var phi = Activation.Parse(name);
        var point = EdgeOfChaos.At(phi, sigmaB2);
        Assert.Equal(sigmaB2, point.SigmaB2);
        double QMap(double q) => point.SigmaW2 * Trapezoid(z => Square(phi.Forward(Math.Sqrt(q) * z))) + sigmaB2;
        double qStar = Math.Max(point.QStar, 1e-10), h = 1e-4 * qStar;
        Assert.Equal(qStar, QMap(qStar), 1e-4 * Math.Max(1, qStar));
        Assert.Equal(1, point.SigmaW2 * Trapezoid(z => Square(phi.Derivative(Math.Sqrt(qStar) * z))), qStar > 10 ? 5e-3 : 5e-4);
        Assert.True((QMap(qStar + h) - QMap(qStar - h)) / (2 * h) < 1);
    }

    [Fact]
    public void Tanh_boundary_rises_with_bias_variance()
    {
        // Poole et al. 2016 Fig. 2 / Schoenholz et al. 2017 Fig. 1: the critical σ_w² grows with σ_b² from 1 at σ_b² = 0.
        var boundary = EdgeOfChaos.Boundary(Activation.Tanh, 2, 9);
        Assert.Equal(9, boundary.Count);
        for (int i = 1; i < boundary.Count; i++) Assert.True(boundary[i].SigmaW2 > boundary[i - 1].SigmaW2);
    }

    [Fact]
    public void The_table_gives_each_activation_its_point_or_the_reason_it_has_none()
    {
        var rows = EdgeOfChaos.Table([Activation.Tanh, Activation.Relu], 0.01);
        Assert.Equal(EdgeOfChaos.At(Activation.Tanh, 0.01), rows[0].Point);
        Assert.Null(rows[0].Note);
        // ReLU's σ_b²(q) = q − E[φ²]/E[φ′²] is 0 for every q: no edge at σ_b² > 0.
        Assert.Null(rows[1].Point);
        Assert.Contains("no edge of chaos", rows[1].Note);
    }

    internal static double Square(double x) => x * x;

    // E[f(z)], z ~ N(0, 1), by the trapezoid rule on [−12, 12].
    internal static double Trapezoid(Func<double, double> f)
    {
        const int n = 40_000;
        const double a = -12, h = 24.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double z = a + i * h;
            sum += (i == 0 || i == n ? 0.5 : 1) * f(z) * Math.Exp(-0.5 * z * z);
        }
        return sum * h / Math.Sqrt(2 * Math.PI);
    }
}
