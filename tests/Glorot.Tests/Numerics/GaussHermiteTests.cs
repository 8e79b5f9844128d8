using Glorot.Init;
using Glorot.Numerics;

namespace Glorot.Tests.Numerics;

public class GaussHermiteTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(100)]
    [InlineData(200)]
    public void Weights_are_probabilities_and_nodes_are_symmetric(int n)
    {
        var rule = GaussHermite.Rule(n);
        Assert.Equal(n, rule.Nodes.Length);
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            Assert.True(rule.Weights[i] > 0);
            Assert.Equal(-rule.Nodes[i], rule.Nodes[n - 1 - i]);
            if (i > 0) Assert.True(rule.Nodes[i] > rule.Nodes[i - 1]);
            sum += rule.Weights[i];
        }
        Assert.Equal(1, sum, 13);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(100)]
    public void The_n_point_rule_integrates_every_moment_up_to_degree_2n_minus_1_exactly(int n)
    {
        // E[z^(2k)] = (2k − 1)!!, odd moments 0. Relative error ≤ 1e-11 up to degree 2n − 1 (the largest
        // moments are ~1e80 for n = 100, so an absolute comparison would be meaningless).
        var rule = GaussHermite.Rule(n);
        double doubleFactorial = 1;
        for (var degree = 0; degree <= Math.Min(2 * n - 1, 60); degree++)
        {
            double moment = rule.Expectation(z => Math.Pow(z, degree));
            if (degree % 2 == 1) Assert.True(Math.Abs(moment) < 1e-11 * Math.Max(1, doubleFactorial * degree), $"degree {degree}: {moment}");
            else
            {
                if (degree > 0) doubleFactorial *= degree - 1;
                Assert.True(Math.Abs(moment / doubleFactorial - 1) < 1e-11, $"degree {degree}: {moment} vs {doubleFactorial}");
            }
        }
    }

    [Fact]
    public void Small_rules_match_their_closed_forms()
    {
        // n = 2: He₂ = z² − 1 ⇒ nodes ±1, weights ½. n = 3: He₃ = z³ − 3z ⇒ nodes 0, ±√3, weights ⅔, ⅙, ⅙.
        var two = GaussHermite.Rule(2);
        Assert.Equal(1, two.Nodes[1], 14);
        Assert.Equal(0.5, two.Weights[0], 14);
        var three = GaussHermite.Rule(3);
        Assert.Equal(Math.Sqrt(3), three.Nodes[2], 14);
        Assert.Equal(0, three.Nodes[1]);
        Assert.Equal(2.0 / 3, three.Weights[1], 14);
        Assert.Equal(1.0 / 6, three.Weights[0], 14);
        // Degree 2n = 4 is beyond the 2-point rule: it gives E[z⁴] = 1, not 3.
        Assert.Equal(1, two.Expectation(z => z * z * z * z), 14);
    }

    [Fact]
    public void A_kink_at_zero_slows_convergence_to_first_order_as_documented()
    {
        // E[relu(z)] = 1/√(2π). The kink makes the error algebraic: measured relative error ≈ 0.41/n (2.1e-2 at
        // n = 20, 4.1e-3 at n = 100; NumericGain's remarks), so five times the points give about a fifth of the error.
        double exact = 1 / Math.Sqrt(2 * Math.PI);
        double error20 = Math.Abs(GaussHermite.Rule(20).Expectation(z => Math.Max(0, z)) / exact - 1);
        double error100 = Math.Abs(GaussHermite.Rule(100).Expectation(z => Math.Max(0, z)) / exact - 1);
        Assert.InRange(error100, 2e-3, 8e-3);
        Assert.InRange(error20 / error100, 4, 6);
        // Split at 0, the same expectation is exact to rounding.
        Assert.Equal(exact, NumericGain.Expectation(z => Math.Max(0, z), splitAtZero: true), 15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void Rules_outside_1_to_200_points_are_refused(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussHermite.Rule(n));
}
