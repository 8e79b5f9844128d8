using Glorot.Nn;
using Glorot.Random;

namespace Glorot.Tests.Nn;

/// <summary>Nesterov momentum, learning-rate schedules and momentum state of <see cref="SgdTrainer"/>.</summary>
public sealed class SgdTrainerOptimizerTests
{
    private static (float[] X, int[] Y) Batch(int rows, ulong stream)
    {
        var random = new RandomStream(77, stream);
        var x = new float[rows * 5];
        for (int i = 0; i < x.Length; i++) x[i] = (float)random.NextDouble(-1.5, 1.5);
        var y = new int[rows];
        for (int i = 0; i < rows; i++) y[i] = random.NextInt(4);
        return (x, y);
    }

    private static Mlp Net(ulong seed = 3) => new([5, 7, 6, 4], Activation.Parse("tanh"), WeightFills.Normalized, seed);

    private static (float[] W, float[] B) Gradients(SgdTrainer trainer, Mlp mlp, int layer)
    {
        var w = new float[mlp.FanOut(layer) * mlp.FanIn(layer)];
        var b = new float[mlp.FanOut(layer)];
        trainer.Pass.WeightGradient(layer, w);
        trainer.Pass.BiasGradient(layer, b);
        return (w, b);
    }

    [Fact]
    public void Nesterov_follows_a_double_precision_reference_step()
    {
        var mlp = Net();
        const double lr = 0.05, mu = 0.9, wd = 0.01;
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = (float)lr, Momentum = (float)mu, Nesterov = true, WeightDecay = (float)wd }, 3);
        int layer = 1;
        double[] p = [.. mlp.CopyWeight(layer).Select(v => (double)v), .. mlp.Bias(layer).ToArray().Select(v => (double)v)];
        var v = new double[p.Length];
        for (ulong step = 0; step < 3; step++)
        {
            var (x, y) = Batch(3, step);
            trainer.Step(x, y);
            var (gw, gb) = Gradients(trainer, mlp, layer);
            float[] g = [.. gw, .. gb];
            // torch.optim.SGD(nesterov=True): g′ = g + λp; v = μv + g′; p ← p − ε(g′ + μv).
            for (int i = 0; i < p.Length; i++)
            {
                double gi = g[i] + wd * p[i];
                v[i] = mu * v[i] + gi;
                p[i] -= lr * (gi + mu * v[i]);
            }
            float[] actual = [.. mlp.CopyWeight(layer), .. mlp.Bias(layer).ToArray()];
            for (int i = 0; i < p.Length; i++) Assert.Equal(p[i], actual[i], 1e-5);
        }
        // Power: without the look-ahead term the same steps land elsewhere.
        var plain = Net();
        var momentum = new SgdTrainer(plain, new SgdOptions { LearningRate = (float)lr, Momentum = (float)mu, WeightDecay = (float)wd }, 3);
        for (ulong step = 0; step < 3; step++) { var (x, y) = Batch(3, step); momentum.Step(x, y); }
        Assert.True(plain.CopyWeight(layer).Zip(mlp.CopyWeight(layer)).Max(t => Math.Abs(t.First - t.Second)) > 1e-4);
    }

    [Fact]
    public void Nesterov_without_momentum_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SgdTrainer(Net(), new SgdOptions { Nesterov = true }, 3));
        Assert.Contains("Nesterov momentum needs a momentum above 0", ex.Message);
    }

    [Theory]
    [InlineData(false)] // plain SGD: the update fused into the weight-gradient GEMM
    [InlineData(true)]  // with clipping: the gradient arrays and the element-wise update
    public void Each_update_uses_the_rate_its_schedule_gives_its_number(bool separate)
    {
        var mlp = Net();
        var schedule = LearningRateSchedule.Step(every: 2, gamma: 0.5);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.1f, Schedule = schedule, ClipValue = separate ? 1e6f : null }, 3);
        for (ulong step = 0; step < 5; step++)
        {
            var before = mlp.CopyWeight(0);
            var (x, y) = Batch(3, step);
            trainer.Step(x, y);
            var (g, _) = Gradients(trainer, mlp, 0);
            double rate = 0.1 * Math.Pow(0.5, step / 2);
            var after = mlp.CopyWeight(0);
            for (int i = 0; i < g.Length; i++) Assert.Equal(before[i] - rate * g[i], after[i], 1e-6);
        }
        Assert.Equal(5, trainer.StepCount);
    }

    [Fact]
    public void A_trainer_given_the_step_count_and_momentum_continues_bit_for_bit()
    {
        var options = new SgdOptions { LearningRate = 0.05f, Momentum = 0.9f, Nesterov = true, Schedule = LearningRateSchedule.Cosine(6, 0.001) };
        var straight = Net();
        var a = new SgdTrainer(straight, options, 3);
        for (ulong s = 0; s < 6; s++) { var (x, y) = Batch(3, s); a.Step(x, y); }

        var first = Net();
        var b = new SgdTrainer(first, options, 3);
        for (ulong s = 0; s < 3; s++) { var (x, y) = Batch(3, s); b.Step(x, y); }
        var second = Net();
        second.SetParameters(first.CopyParameters());
        var c = new SgdTrainer(second, options, 3) { StepCount = b.StepCount };
        for (int l = 0; l < first.LayerCount; l++)
        {
            var w = new float[first.FanOut(l) * first.FanIn(l)];
            var bias = new float[first.FanOut(l)];
            b.CopyMomentum(l, w, bias);
            c.SetMomentum(l, w, bias);
        }
        for (ulong s = 3; s < 6; s++) { var (x, y) = Batch(3, s); c.Step(x, y); }
        Assert.True(straight.CopyParameters().SequenceEqual(second.CopyParameters()));
        Assert.Throws<InvalidOperationException>(() => new SgdTrainer(Net(), new SgdOptions(), 3).CopyMomentum(0, new float[35], new float[7]));
    }
}
