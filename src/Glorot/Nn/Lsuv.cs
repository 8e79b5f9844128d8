using Glorot.Init;

namespace Glorot.Nn;

/// <summary>Settings of <see cref="Lsuv"/> (Mishkin &amp; Matas 2016, Algorithm 1).</summary>
/// <param name="BatchSize">Examples in the data batch whose layer outputs are measured.</param>
/// <param name="Tolerance">Tol_var: stop once |Var(B_L) − 1| &lt; this (the paper: 0.1).</param>
/// <param name="MaxIterations">T_max: at most this many rescalings per layer (the paper: 10).</param>
public sealed record LsuvOptions(int BatchSize = 500, double Tolerance = 0.1, int MaxIterations = 10)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (BatchSize < 2) throw new ArgumentException($"LSUV batch of {BatchSize} examples: a variance needs at least 2; use --lsuv-batch 500.");
        if (!(Tolerance > 0) || !double.IsFinite(Tolerance)) throw new ArgumentException($"LSUV tolerance {Tolerance}: it must be finite and > 0, e.g. 0.1.");
        if (MaxIterations < 1) throw new ArgumentException($"LSUV iteration cap {MaxIterations}: it must be at least 1, e.g. 10.");
    }
}

/// <summary>One rescaling: layer <paramref name="Layer"/>'s W was divided by √<paramref name="Variance"/>.</summary>
/// <param name="Layer">0-based dense layer.</param>
/// <param name="Iteration">1-based iteration within the layer.</param>
/// <param name="Variance">Var(B_L) measured before this rescaling.</param>
/// <param name="Scale">The factor W was multiplied by, 1/√Variance.</param>
public sealed record LsuvStep(int Layer, int Iteration, double Variance, double Scale);

/// <summary>What <see cref="Lsuv.Apply"/> did: the settings, every rescaling, and each layer's final variance.</summary>
/// <param name="Options">The settings.</param>
/// <param name="Examples">Examples in the batch.</param>
/// <param name="Steps">Every rescaling, in order.</param>
/// <param name="FinalVariances">Var(B_L) of each rescaled layer after its last rescaling.</param>
/// <param name="Converged">Whether each layer met the tolerance within the cap.</param>
public sealed record LsuvRecord(LsuvOptions Options, int Examples, IReadOnlyList<LsuvStep> Steps,
    IReadOnlyList<double> FinalVariances, IReadOnlyList<bool> Converged);

/// <summary>
/// Layer-sequential unit-variance initialization (Mishkin &amp; Matas 2016, "All you need is a good init", Algorithm 1):
/// orthonormal pre-initialization (Saxe et al. 2014, <see cref="Orthogonal"/>), then, layer by layer from the input,
/// while |Var(B_L) − 1| ≥ Tol_var and fewer than T_max iterations: a forward pass of a data batch, then
/// W_L ← W_L/√Var(B_L). B_L is the dense layer's output s = z·Wᵀ + b (before the activation: a sigmoid's output could
/// never reach unit variance), its variance taken over all units and examples of the batch.
/// </summary>
/// <remarks>With zero biases s is linear in W, so one rescaling lands on Var = 1 up to float rounding; biases make
/// more iterations necessary, which is why the loop and its cap exist.</remarks>
public static class Lsuv
{
    /// <summary>Whether the scheme name <paramref name="init"/> asks for LSUV, as <see cref="SchemeRegistry"/> resolves
    /// names ("lsuv", any case, spaces trimmed).</summary>
    public static bool IsLsuv(string init) =>
        SchemeRegistry.TryFind(init, out var scheme, out _) && scheme!.Name == SchemeRegistry.LsuvName;

    /// <summary>The orthonormal pre-initialization of Algorithm 1: every layer W = Q (gain 1), streams as <see cref="Mlp.Initialize"/>.</summary>
    public static WeightFill PreInitialization { get; } = WeightFills.From(new Orthogonal());

    /// <summary>
    /// Rescales W of layers 0 … <paramref name="layers"/> − 1 (default: all) of <paramref name="mlp"/> on the batch
    /// <paramref name="inputs"/> (rows × inputs). The pre-initialization is the caller's (<see cref="PreInitialization"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A layer's output is constant on the batch (variance 0 or not finite), so no
    /// scale of W gives it unit variance; or bad settings.</exception>
    public static LsuvRecord Apply(Mlp mlp, ReadOnlySpan<float> inputs, int rows, LsuvOptions options, int? layers = null)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int count = layers ?? mlp.LayerCount;
        if (count < 0 || count > mlp.LayerCount) throw new ArgumentOutOfRangeException(nameof(layers), layers, $"The network has {mlp.LayerCount} layers.");
        if (rows < 2) throw new ArgumentException($"LSUV needs a batch of at least 2 examples; got {rows}.");
        var pass = new NetworkPass(mlp, rows);
        var steps = new List<LsuvStep>();
        var final = new double[count];
        var converged = new bool[count];
        for (int l = 0; l < count; l++)
        {
            double variance = Measure(pass, inputs, rows, l);
            for (int t = 1; Math.Abs(variance - 1) >= options.Tolerance && t <= options.MaxIterations; t++)
            {
                double scale = 1 / Math.Sqrt(variance);
                mlp.ScaleWeight(l, scale);
                steps.Add(new LsuvStep(l, t, variance, scale));
                variance = Measure(pass, inputs, rows, l);
            }
            final[l] = variance;
            converged[l] = Math.Abs(variance - 1) < options.Tolerance;
        }
        return new LsuvRecord(options, rows, steps, final, converged);
    }

    // Var(B_L) over every unit and example of the batch, in double precision; a constant or overflowing output is
    // refused here, before anything divides by it.
    private static double Measure(NetworkPass pass, ReadOnlySpan<float> inputs, int rows, int layer)
    {
        pass.Forward(inputs, rows);
        var s = pass.PreActivations(layer);
        double sum = 0, square = 0;
        foreach (float x in s) { sum += x; square += (double)x * x; }
        double mean = sum / s.Length, variance = square / s.Length - mean * mean;
        if (!(variance > 0) || !double.IsFinite(variance))
            throw new ArgumentException(
                $"LSUV: layer {layer + 1}'s output has variance {variance:G3} on the batch (constant, e.g. all-zero inputs, or overflowing); " +
                "no scale of W gives it unit variance. Use a batch whose inputs vary.");
        return variance;
    }
}
