using Glorot.Data;

namespace Glorot.Tests.Data;

public class DatasetCatalogTests
{
    [Fact]
    public void Shapeset_opens_without_files_and_takes_the_seed_and_scaling()
    {
        var splits = DatasetCatalog.Open("shapeset", new DatasetOptions(Seed: 5, Scaling: PixelScaling.MinusOneOne));
        var train = Assert.IsType<Shapeset>(splits.Train);
        Assert.Equal(5UL, train.Seed);
        Assert.Equal(PixelScaling.MinusOneOne, train.Scaling);
        Assert.Equal(Shapeset.DefaultEvaluationSeed, ((Shapeset)splits.Test).Seed);
    }

    [Fact]
    public void File_data_sets_without_a_path_and_unknown_names_are_argument_errors()
    {
        Assert.Contains("--path", Assert.Throws<ArgumentException>(() => DatasetCatalog.Open("mnist")).Message);
        Assert.Contains("--path", Assert.Throws<ArgumentException>(() => DatasetCatalog.Open("cifar10")).Message);
        Assert.Contains("known:", Assert.Throws<ArgumentException>(() => DatasetCatalog.Open("imagenet")).Message);
    }
}
