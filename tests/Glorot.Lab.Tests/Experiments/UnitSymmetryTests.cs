using Glorot.Lab.Experiments;
using Glorot.Nn;

namespace Glorot.Lab.Tests.Experiments;

public sealed class UnitSymmetryTests
{
    [Fact]
    public void Identical_units_are_at_distance_0_and_one_changed_outgoing_weight_is_seen()
    {
        var mlp = new Mlp([3, 4, 4, 2], Activation.Tanh);
        mlp.Initialize(WeightFills.From(Glorot.Init.Schemes.Create("constant", new Glorot.Init.InitOptions { Value = 0.25 })), 1);
        Assert.Equal([0.0, 0.0], UnitSymmetry.MaxDifferences(mlp));
        var w = mlp.CopyWeight(2);
        w[1 * 4 + 3] = 0.75f; // output 1's weight from unit 4 of hidden layer 2
        mlp.SetWeight(2, w);
        Assert.Equal([0.0, 0.5], UnitSymmetry.MaxDifferences(mlp));
        var b = mlp.Bias(0).ToArray();
        b[2] = -0.125f;
        mlp.SetBias(0, b);
        Assert.Equal(0.5, UnitSymmetry.MaxDifference(mlp));
        Assert.Equal(0.125, UnitSymmetry.MaxDifferences(mlp)[0]);
    }
}
