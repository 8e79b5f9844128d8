using Glorot.Data;
using Glorot.Nn;
using Glorot.Random;

namespace Glorot.Tests.Nn;

public class LsuvTests
{
    private const int Batch = 200;

    [Theory]
    [InlineData("tanh", "gaussian")]
    [InlineData("relu", "gaussian")]
    [InlineData("sigmoid", "gaussian")]
    [InlineData("tanh", "shapeset")]
    [InlineData("relu", "shapeset")]
    [InlineData("sigmoid", "shapeset")]
    public void Every_layer_output_has_unit_variance_on_the_batch(string activation, string data)
    {
        // Mishkin & Matas 2016 Algorithm 1: |Var(B_L) − 1| < Tol_var = 0.1 for every layer, measured afresh here.
        var (x, inputs) = data == "gaussian" ? Gaussian(Batch, 64, 3) : ShapesetBatch(Batch);
        var mlp = Network(inputs, activation);
        var record = Lsuv.Apply(mlp, x, Batch, new LsuvOptions(Batch));
        Assert.All(record.Converged, Assert.True);
        var trainer = new NetworkPass(mlp, Batch);
        trainer.Forward(x, Batch);
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            var (_, variance) = Support.Statistics.Moments(trainer.PreActivations(l));
            Assert.InRange(variance, 0.9, 1.1);
            Assert.Equal(record.FinalVariances[l], variance, 1e-6);
        }
        // Each rescaling is W ← W/√Var (the record says what it measured and what it applied).
        Assert.All(record.Steps, s => Assert.Equal(1 / Math.Sqrt(s.Variance), s.Scale, 12));
    }

    [Fact]
    public void Unit_variance_holds_on_a_fresh_batch_of_the_same_data()
    {
        // The rescaling is fitted on one batch; on a second batch of 200 examples × 100 units the layer variance is an
        // average over correlated units, whose spread between batches is a few per cent: ±20 % (measured: within 5 %).
        var (x, inputs) = Gaussian(2 * Batch, 64, 4);
        var mlp = Network(inputs, "tanh");
        Lsuv.Apply(mlp, x.AsSpan(0, Batch * inputs), Batch, new LsuvOptions(Batch));
        var trainer = new NetworkPass(mlp, Batch);
        trainer.Forward(x.AsSpan(Batch * inputs), Batch);
        for (int l = 0; l < mlp.LayerCount; l++)
            Assert.InRange(Support.Statistics.Moments(trainer.PreActivations(l)).Variance, 0.8, 1.2);
    }

    [Fact]
    public void Iteration_cap_is_honoured()
    {
        // Tol_var = 1e-12 is below float rounding, so no layer converges: each gets exactly T_max = 3 rescalings.
        var (x, inputs) = Gaussian(Batch, 64, 5);
        var mlp = Network(inputs, "tanh");
        var record = Lsuv.Apply(mlp, x, Batch, new LsuvOptions(Batch, Tolerance: 1e-12, MaxIterations: 3));
        for (int l = 0; l < mlp.LayerCount; l++)
            Assert.Equal(3, record.Steps.Count(s => s.Layer == l));
        Assert.All(record.Converged, Assert.False);
    }

    [Fact]
    public void Constant_layer_output_is_a_clear_error_not_a_division_by_zero()
    {
        var mlp = Network(64, "tanh");
        var zeros = new float[Batch * 64];
        var error = Assert.Throws<ArgumentException>(() => Lsuv.Apply(mlp, zeros, Batch, new LsuvOptions(Batch)));
        Assert.Contains("layer 1's output has variance 0", error.Message);
        Assert.Contains("constant", error.Message);
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        var mlp = Network(64, "tanh");
        var (x, _) = Gaussian(Batch, 64, 6);
        Assert.Throws<ArgumentException>(() => Lsuv.Apply(mlp, x, Batch, new LsuvOptions(Batch, Tolerance: 0)));
        Assert.Throws<ArgumentException>(() => Lsuv.Apply(mlp, x, Batch, new LsuvOptions(Batch, MaxIterations: 0)));
        Assert.Throws<ArgumentException>(() => Lsuv.Apply(mlp, x, Batch, new LsuvOptions(1)));
    }

    // 64 or 1024 inputs → 100 → 100 → 100 → 5, orthonormal pre-initialization (Algorithm 1), zero biases.
    private static Mlp Network(int inputs, string activation)
    {
        var mlp = new Mlp([inputs, 100, 100, 100, 5], Activation.Parse(activation));
        mlp.Initialize(Lsuv.PreInitialization, 9);
        return mlp;
    }

    private static (float[] X, int Inputs) Gaussian(int rows, int inputs, ulong seed)
    {
        var random = new RandomStream(seed, 0);
        var x = new float[rows * inputs];
        for (int i = 0; i < x.Length; i++) x[i] = (float)random.NextGaussian();
        return (x, inputs);
    }

    private static (float[] X, int Inputs) ShapesetBatch(int rows)
    {
        var test = DatasetCatalog.Open("shapeset", new DatasetOptions()).Test;
        var x = new float[rows * test.InputSize];
        var y = new int[rows];
        test.Fill([.. Enumerable.Range(0, rows).Select(i => (long)i)], x, y);
        return (x, test.InputSize);
    }
}
