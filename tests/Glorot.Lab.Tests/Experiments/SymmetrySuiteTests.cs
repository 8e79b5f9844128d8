using Glorot.Init;
using Glorot.Lab.Claims;
using Glorot.Lab.Experiments;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Experiments;

public sealed class SymmetrySuiteTests
{
    [Fact]
    public void Constant_init_keeps_the_two_xor_units_exactly_identical_after_every_update()
    {
        var trace = SymmetrySuite.TrainXor(2, Schemes.Create("constant", new InitOptions { Value = 0.5 }), 7, 500);
        Assert.All(trace.MaxDifference, d => Assert.Equal(0.0, d));
        // What one unit can do: XOR is not linearly separable, so at least one of the four examples stays wrong.
        Assert.True(trace.Errors >= 1, $"{trace.Errors} errors");
    }

    [Fact]
    public void Random_init_separates_the_units_and_a_one_unit_network_never_solves_xor()
    {
        var xavier = Schemes.Create("xavier-uniform");
        for (ulong seed = 1; seed <= 3; seed++)
        {
            var two = SymmetrySuite.TrainXor(2, xavier, seed, 500);
            Assert.True(two.MaxDifference[^1] > 0.01, $"seed {seed}: {two.MaxDifference[^1]}");
            Assert.True(SymmetrySuite.TrainXor(1, xavier, seed, 500).Errors >= 1);
        }
    }

    [Fact]
    public void The_tiny_profile_writes_a_report_and_the_exact_symmetry_claims_hold()
    {
        using var temp = new TempDirectory();
        var outcome = ExperimentRunner.Run(new SymmetrySuite(), new ExperimentContext(SuiteProfile.Tiny, 1, temp.Path));
        Assert.Equal(Verdict.Holds, outcome.Claims.Single(c => c.Id == 1).Verdict);
        Assert.Equal(Verdict.Holds, outcome.Claims.Single(c => c.Id == 2).Verdict);
        Assert.Equal(Verdict.Holds, outcome.Claims.Single(c => c.Id == 3).Verdict);
        foreach (var file in new[] { "report.html", "claims.csv", "claims.json", "figures/symmetry-xor-unit-distance.csv", "figures/symmetry-paper-network-unit-distance.png" })
            Assert.True(File.Exists(Path.Combine(temp.Path, file)), file);
        Assert.Contains("claims, checked</h2>", File.ReadAllText(outcome.Report));
    }
}
