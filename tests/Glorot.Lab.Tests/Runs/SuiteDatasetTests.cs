using Glorot.Lab.Claims;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;

namespace Glorot.Lab.Tests.Runs;

public sealed class SuiteDatasetTests
{
    private static SuiteOptions On(string name, string? path = null, SuiteProfile profile = SuiteProfile.Full) =>
        new() { Profile = profile, Dataset = SuiteDataset.Named(name, path) };

    // Table 1 (p. 255), the MNIST and CIFAR-10 columns; Fig. 12's curve ends as read off the plot.
    [Theory]
    [InlineData("mnist", "softsign", 1.64, 1.62)]
    [InlineData("mnist", "softsign-n", 1.72, 1.72)]
    [InlineData("mnist", "tanh", 1.76, 1.71)]
    [InlineData("mnist", "tanh-n", 1.64, 1.67)]
    [InlineData("mnist", "sigmoid-5", 2.21, 2.12)]
    [InlineData("cifar10", "softsign", 55.78, 55.9)]
    [InlineData("cifar10", "softsign-n", 53.8, 53.7)]
    [InlineData("cifar10", "tanh", 55.9, 55.8)]
    [InlineData("cifar10", "tanh-n", 52.92, 52.9)]
    [InlineData("cifar10", "sigmoid-5", 57.28, 57.2)]
    public void The_networks_carry_the_papers_column_of_their_data_set(string dataset, string network, double table1, double figure12)
    {
        var run = Glorot2010Suite.Runs(On(dataset, "/data")).Single(r => r.Spec.Name == network);
        Assert.Equal(dataset, run.Spec.Dataset);
        Assert.Equal("/data", run.Spec.DataPath);
        Assert.Equal(table1, run.PaperTestError);
        Assert.Equal(figure12, run.PaperFigure11Error);
    }

    [Fact]
    public void The_depth_4_sigmoid_has_no_paper_value_and_fashion_mnist_has_none_at_all()
    {
        Assert.Null(Glorot2010Suite.Runs(On("mnist", "/data")).Single(r => r.Spec.Name == "sigmoid").PaperTestError);
        Assert.All(Glorot2010Suite.Runs(On("fashion-mnist", "/data")), r =>
        {
            Assert.Null(r.PaperTestError);
            Assert.Null(r.PaperFigure11Error);
            Assert.Equal("fashion-mnist", r.Spec.Dataset);
        });
    }

    [Fact]
    public void Only_the_data_set_changes_the_networks()
    {
        var shapeset = Glorot2010Suite.Runs(new SuiteOptions { Profile = SuiteProfile.Quick });
        var mnist = Glorot2010Suite.Runs(On("mnist", "/data", SuiteProfile.Quick));
        Assert.Equal(shapeset.Select(r => Glorot.Lab.Runs.RunSpecJson.Serialize(r.Spec with { Dataset = "mnist", DataPath = "/data" })),
            mnist.Select(r => Glorot.Lab.Runs.RunSpecJson.Serialize(r.Spec)));
        Assert.Contains(Glorot2010Suite.Differences(On("fashion-mnist", "/data")), line => line.Contains("stand-in", StringComparison.Ordinal));
    }

    [Fact]
    public void The_manifest_records_the_data_set_and_rebuilds_it()
    {
        var plan = SuitePlan.Of(On("cifar10", "/data/cifar", SuiteProfile.Quick));
        var manifest = SuiteManifest.Of(plan);
        Assert.Equal("cifar10", manifest.Dataset);
        Assert.Equal("/data/cifar", manifest.Options().Dataset.Path);
        Assert.Equal("CIFAR-10", manifest.Options().Dataset.Title);
        Assert.Null(SuiteManifest.Of(SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Quick })).Dataset);
        Assert.Equal("data set cifar10 vs shapeset", manifest.Difference(SuiteManifest.Of(SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Quick }))));
    }

    [Fact]
    public void Claims_resting_on_shapeset_values_are_not_judged_on_another_data_set()
    {
        ClaimResult Claim(int id, Verdict verdict) => new(id, "c", "s", "k", "p", "m", verdict, "");
        var adjusted = ClaimsOnOtherData.Adjust(
            [Claim(1, Verdict.DoesNotHold), Claim(2, Verdict.Holds), Claim(3, Verdict.Holds), Claim(6, Verdict.DoesNotHold), Claim(11, Verdict.DoesNotHold)],
            SuiteDataset.Named("mnist", "/data"));
        Assert.Equal([Verdict.NotReached, Verdict.NotReached, Verdict.Holds, Verdict.DoesNotHold, Verdict.NotReached], adjusted.Select(c => c.Verdict));
        Assert.StartsWith("not applicable on MNIST", adjusted[1].Measured, StringComparison.Ordinal);
        Assert.StartsWith("not applicable on MNIST", adjusted[4].Measured, StringComparison.Ordinal);
        Assert.Contains("time window comes from the paper's Shapeset runs", adjusted[0].Note, StringComparison.Ordinal);
        Assert.All(adjusted, c => Assert.Contains("MNIST", c.Note, StringComparison.Ordinal));
    }
}
