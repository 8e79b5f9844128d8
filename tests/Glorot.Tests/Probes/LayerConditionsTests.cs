using Glorot.Nn;
using Glorot.Probes;

namespace Glorot.Tests.Probes;

public class LayerConditionsTests
{
    // A 3-4-2-2 tanh network whose first layer holds the weights 1…12 (row-major, out × in) and whose second holds
    // −1, 1, −2, 2, 0, 0, 3, −3: hand-set, so their variances are known exactly.
    private static Mlp HandSet()
    {
        var mlp = new Mlp([3, 4, 2, 2], Activation.Tanh, WeightFills.Normalized, seed: 3);
        var w0 = mlp.CopyWeight(0);
        for (int i = 0; i < w0.Length; i++) w0[i] = (i + 1) * 0.1f;
        mlp.SetWeight(0, w0);
        mlp.SetWeight(1, [-1, 1, -2, 2, 0, 0, 3, -3]);
        return mlp;
    }

    private static (float[] X, int[] Y) Batch()
    {
        var x = new float[5 * 3];
        for (int i = 0; i < x.Length; i++) x[i] = MathF.Cos(i * 0.7f);
        return (x, [0, 1, 1, 0, 1]);
    }

    [Fact]
    public void Weight_variance_is_the_population_variance_of_the_layers_weights()
    {
        var mlp = HandSet();
        // 0.1·(1…12): mean 0.65, population variance 0.01·(12² − 1)/12 = 0.1191666…
        Assert.Equal(0.01 * (144 - 1) / 12, LayerConditions.WeightVariance(mlp, 0), 1e-7);
        // −1, 1, −2, 2, 0, 0, 3, −3: mean 0, Σw² = 28 over 8.
        Assert.Equal(28.0 / 8, LayerConditions.WeightVariance(mlp, 1), 1e-12);
    }

    [Fact]
    public void Weight_variance_into_a_scratch_buffer_has_the_bits_of_a_fresh_copy_whatever_the_buffer_held()
    {
        var mlp = new Mlp([7, 13, 11, 3], Activation.Tanh, WeightFills.Normalized, seed: 5);
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            var scratch = new float[mlp.FanIn(l) * mlp.FanOut(l)];
            Array.Fill(scratch, 1e30f); // left over from another layer or probe: must be overwritten, not summed
            Assert.Equal(LayerConditions.WeightVariance(mlp, l), LayerConditions.WeightVariance(mlp, l, scratch));
        }
        Assert.Throws<ArgumentException>(() => LayerConditions.WeightVariance(mlp, 0, new float[7 * 13 + 1]));
    }

    [Fact]
    public void Repeated_probes_reusing_their_buffers_give_the_same_weight_variances_and_abs_percentiles()
    {
        var mlp = new Mlp([6, 40, 30, 3], Activation.Tanh, WeightFills.Normalized, seed: 9);
        var x = new float[20 * 6];
        for (int i = 0; i < x.Length; i++) x[i] = MathF.Sin(i * 0.37f);
        var y = Enumerable.Range(0, 20).Select(i => i % 3).ToArray();
        var probe = new NetworkProbe(mlp, new ProbeOptions { Bins = 8, ChunkSize = 7 });
        var first = probe.Measure(x, y);
        var second = probe.Measure(x, y);
        for (int l = 0; l < first.Layers.Count; l++)
        {
            Assert.Equal(LayerConditions.WeightVariance(mlp, l), first.Layers[l].WeightVariance);
            Assert.Equal(first.Layers[l].WeightVariance, second.Layers[l].WeightVariance);
            Assert.Equal(first.Layers[l].ActivationAbsP98, second.Layers[l].ActivationAbsP98);
            Assert.True(first.Layers[l].ActivationAbsP98 > 0);
        }
    }

    [Fact]
    public void A_probe_record_holds_n_in_and_n_out_times_the_weight_variance_of_each_hidden_layer()
    {
        var mlp = HandSet();
        var (x, y) = Batch();
        var record = new NetworkProbe(mlp, new ProbeOptions { Bins = 4 }).Measure(x, y);
        Assert.Equal(3 * 0.01 * 143 / 12, record.Layers[0].FanInWeightVariance, 1e-6);
        Assert.Equal(4 * 0.01 * 143 / 12, record.Layers[0].FanOutWeightVariance, 1e-6);
        Assert.Equal(4 * 28.0 / 8, record.Layers[1].FanInWeightVariance, 1e-12);
        Assert.Equal(2 * 28.0 / 8, record.Layers[1].FanOutWeightVariance, 1e-12);
    }

    [Fact]
    public void Variance_ratios_are_those_of_the_layers_activations_and_backpropagated_gradients()
    {
        var mlp = HandSet();
        var (x, y) = Batch();
        var record = new NetworkProbe(mlp, new ProbeOptions { Bins = 4 }).Measure(x, y);
        // The definitions, from a forward and backward pass of the engine over the same batch.
        var trainer = new NetworkPass(mlp, y.Length);
        trainer.ComputeGradients(x, y);
        double z1 = Variance(trainer.Outputs(0)), z2 = Variance(trainer.Outputs(1));
        double d1 = Variance(trainer.PreActivationGradients(0)), d2 = Variance(trainer.PreActivationGradients(1));
        Assert.Null(LayerConditions.ActivationVarianceRatio(record, 0));
        Assert.Equal(z2 / z1, LayerConditions.ActivationVarianceRatio(record, 1)!.Value, 1e-9 * z2 / z1);
        Assert.Equal(d1 / d2, LayerConditions.GradientVarianceRatio(record, 0)!.Value, 1e-9 * d1 / d2);
        Assert.Null(LayerConditions.GradientVarianceRatio(record, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerConditions.ActivationVarianceRatio(record, 2));
    }

    private static double Variance(ReadOnlySpan<float> values)
    {
        double mean = 0;
        foreach (float v in values) mean += v;
        mean /= values.Length;
        double sum = 0;
        foreach (float v in values) sum += (v - mean) * (v - mean);
        return sum / values.Length;
    }
}
