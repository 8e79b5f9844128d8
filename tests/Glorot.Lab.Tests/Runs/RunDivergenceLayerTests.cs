using Glorot.Lab.Runs;
using Glorot.Nn;
using Glorot.Probes;

namespace Glorot.Lab.Tests.Runs;

/// <summary>
/// The layer a run reports when its probe examples stop being finite: the dense layer whose weights were made
/// NaN, 0-based as in the engine, then named once by <see cref="DivergenceInfo.LayerName"/> (1 = the first
/// hidden layer, "output" = the softmax layer).
/// </summary>
public sealed class RunDivergenceLayerTests
{
    [Theory]
    [InlineData(0, "1")]
    [InlineData(1, "2")]
    [InlineData(2, "output")]
    public void The_probe_path_reports_the_dense_layer_that_overflowed(int denseLayer, string name)
    {
        // One NaN weight in dense layer l makes s of that layer NaN, and everything above it and the loss: the layers
        // below stay finite, so the first non-finite one is l (for the softmax layer: only its gradient shows it).
        var mlp = new Mlp([4, 5, 5, 3], Activation.Tanh, WeightFills.Normalized, 3);
        var w = mlp.CopyWeight(denseLayer);
        w[0] = float.NaN;
        mlp.SetWeight(denseLayer, w);
        float[] x = [.. Enumerable.Range(0, 6 * 4).Select(i => MathF.Sin(i + 1))];
        int[] y = [0, 1, 2, 0, 1, 2];
        var record = new NetworkProbe(mlp).Measure(x, y);
        Assert.False(double.IsFinite(record.Loss));
        int? reported = RunTraining.FirstNonFiniteLayer(record, mlp.LayerCount);
        Assert.Equal(denseLayer, reported);
        Assert.Equal(name, DivergenceInfo.LayerName(reported!.Value, mlp.LayerCount));
    }

    [Fact]
    public void A_finite_probe_reports_no_layer()
    {
        var mlp = new Mlp([4, 5, 3], Activation.Tanh, WeightFills.Normalized, 3);
        var record = new NetworkProbe(mlp).Measure([.. Enumerable.Range(0, 8).Select(i => MathF.Cos(i))], [0, 2]);
        Assert.Null(RunTraining.FirstNonFiniteLayer(record, mlp.LayerCount));
    }
}
