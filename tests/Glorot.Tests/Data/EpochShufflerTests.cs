using Glorot.Data;

namespace Glorot.Tests.Data;

public class EpochShufflerTests
{
    [Fact]
    public void Each_epoch_is_a_permutation_fixed_by_seed_and_epoch()
    {
        var shuffler = new EpochShuffler(1000, seed: 4);
        var e0 = shuffler.Permutation(0);
        Assert.Equal(Enumerable.Range(0, 1000), e0.Order());
        Assert.Equal(e0, new EpochShuffler(1000, seed: 4).Permutation(0));
        Assert.NotEqual(e0, shuffler.Permutation(1));
        Assert.NotEqual(e0, new EpochShuffler(1000, seed: 5).Permutation(0));
    }

    [Fact]
    public void All_permutations_of_four_are_equally_likely_by_chi_square()
    {
        // 24,000 epochs over 24 permutations: 1,000 expected each; χ² with 23 dof exceeds 49.7 with p = 0.001.
        var shuffler = new EpochShuffler(4, seed: 1);
        var counts = new Dictionary<string, int>();
        for (var e = 0; e < 24_000; e++)
        {
            string key = string.Join(",", shuffler.Permutation(e));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        Assert.Equal(24, counts.Count);
        double chi2 = counts.Values.Sum(c => (c - 1000.0) * (c - 1000.0) / 1000.0);
        Assert.True(chi2 < 49.7, $"χ² = {chi2:F1}");
    }
}
