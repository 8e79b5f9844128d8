using Glorot.Data;
using Glorot.Init;
using Glorot.Nn;
using Glorot.Probes;
using Glorot.Random;
using Glorot.Theory;

namespace Glorot.Lab.Runs;

/// <summary>What <see cref="InitialProbe"/> probes: a network, its initialization and the probe set.</summary>
public sealed record InitialProbeSpec
{
    /// <summary>Activation of every hidden layer.</summary>
    public required Activation Activation { get; init; }

    /// <summary>Hidden widths, first to last.</summary>
    public required IReadOnlyList<int> Hidden { get; init; }

    /// <summary>Weight scheme of every layer (see <see cref="Schemes"/>), or "lsuv" (<see cref="Lsuv.IsLsuv"/>).</summary>
    public string Init { get; init; } = "standard";

    /// <summary>Scheme of the softmax layer; null: as <see cref="Init"/>.</summary>
    public string? OutputInit { get; init; }

    /// <summary>A <see cref="DatasetCatalog"/> name (its test split), or "gaussian" (N(0, 1) inputs, uniform random labels).</summary>
    public string Dataset { get; init; } = "shapeset";
    /// <summary>Directory of the data set's files (mnist, fashion-mnist, cifar10).</summary>
    public string? DataPath { get; init; }

    /// <summary>Pixel scaling of a data set read from files.</summary>
    public PixelScaling Scaling { get; init; } = PixelScaling.ZeroOne;

    /// <summary>Input width of the gaussian probe set.</summary>
    public int GaussianInputs { get; init; } = 1024;

    /// <summary>Classes of the gaussian probe set.</summary>
    public int GaussianClasses { get; init; } = 9;

    /// <summary>Probe examples: the first N of the probe set (Glorot &amp; Bengio 2010 §4.2: 300).</summary>
    public int Examples { get; init; } = 300;

    /// <summary>Seed of the weights (layer l draws stream l) and of the gaussian probe set (stream 1000).</summary>
    public ulong Seed { get; init; }

    /// <summary>The probe's settings: bins, Jacobian examples, ….</summary>
    public ProbeOptions Probe { get; init; } = new();

    /// <summary>LSUV's settings when <see cref="Init"/> is "lsuv" (Mishkin &amp; Matas 2016, Algorithm 1).</summary>
    public LsuvOptions Lsuv { get; init; } = new();
}

/// <summary>
/// A network at initialization, ready to be probed on the first examples of a probe set (Glorot &amp; Bengio 2010
/// §4.2), with what the theory needs beside the measurement: the weights' variances per layer. <see cref="Prepare"/>
/// checks the spec and builds everything (refusing a bad one with <see cref="ArgumentException"/>, before anything
/// large is allocated); <see cref="Measure"/> only measures. No weight changes after <see cref="Prepare"/>.
/// </summary>
public sealed class InitialProbe
{
    private readonly Mlp _mlp;
    private readonly float[] _inputs;
    private readonly int[] _labels;
    private readonly ProbeOptions _options;
    private readonly Initializer? _hidden;
    private readonly Initializer? _output;

    private InitialProbe(Mlp mlp, float[] inputs, int[] labels, ProbeOptions options, Initializer? hidden, Initializer? output,
        int[] widths, string source, LsuvRecord? lsuv)
    {
        (_mlp, _inputs, _labels, _options, _hidden, _output) = (mlp, inputs, labels, options, hidden, output);
        (Widths, Source, Lsuv) = (widths, source, lsuv);
    }

    /// <summary>Layer widths, input to softmax.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>What the probe set is, e.g. "Shapeset-3×2/test, first 300 examples".</summary>
    public string Source { get; }

    /// <summary>The hidden layers' scheme ("lsuv" for LSUV).</summary>
    public string HiddenScheme => _hidden?.Scheme ?? "lsuv";

    /// <summary>The softmax layer's scheme ("lsuv" for LSUV).</summary>
    public string OutputScheme => _output?.Scheme ?? "lsuv";

    /// <summary>With LSUV: every rescaling.</summary>
    public LsuvRecord? Lsuv { get; }

    /// <summary>Checks <paramref name="spec"/>, reads the probe set and initializes the network.</summary>
    /// <exception cref="ArgumentException">A setting that cannot work (the message names the <c>glorot probe</c> option), or a request beyond the memory.</exception>
    public static InitialProbe Prepare(InitialProbeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int n = spec.Examples;
        if (spec.Hidden.Count == 0) throw new ArgumentException("--hidden must name at least one hidden layer, e.g. 1000x5.");
        if (n <= 0) throw new ArgumentException($"--examples is {n}; it must be positive.");
        spec.Probe.Validate();
        if (spec.Probe.JacobianExamples > n)
            throw new ArgumentException($"--jacobian-examples {spec.Probe.JacobianExamples} must be between 1 and --examples ({n}): the Jacobians are taken at probe examples.");
        var (x, y, inputWidth, classCount, source) = ProbeSet(spec);
        int[] widths = [inputWidth, .. spec.Hidden, classCount];
        RequireMemory(widths, n);
        bool lsuv = Glorot.Nn.Lsuv.IsLsuv(spec.Init);
        if (lsuv && spec.OutputInit is not null)
            throw new ArgumentException("--init lsuv rescales every layer, the output layer too; drop --output-init.");
        var hidden = lsuv ? null : Schemes.Create(spec.Init);
        var output = lsuv ? null : Schemes.Create(spec.OutputInit ?? spec.Init);
        var mlp = new Mlp(widths, spec.Activation);
        LsuvRecord? record = null;
        if (lsuv)
        {
            var options = spec.Lsuv;
            options.Validate();
            if (options.BatchSize > n)
                throw new ArgumentException($"--lsuv-batch {options.BatchSize} is more than the {n} probe examples; use --lsuv-batch ≤ {n} or more --examples.");
            mlp.Initialize(Glorot.Nn.Lsuv.PreInitialization, spec.Seed);
            record = Glorot.Nn.Lsuv.Apply(mlp, x.AsSpan(0, options.BatchSize * inputWidth), options.BatchSize, options);
        }
        else
        {
            // The softmax layer takes the output scheme, as a run's does (Runner.InitialWeights).
            mlp.Initialize(WeightFills.HiddenAndOutput(WeightFills.From(hidden!), WeightFills.From(output!), mlp.LayerCount), spec.Seed);
        }
        return new InitialProbe(mlp, x, y, spec.Probe, hidden, output, widths, source, record);
    }

    /// <summary>Probes the network on the probe set (<see cref="NetworkProbe"/>).</summary>
    public ProbeRecord Measure() => new NetworkProbe(_mlp, _options).Measure(_inputs, _labels);

    /// <summary>
    /// n·Var(W) inputs of the theory per layer: the schemes' variances, or with LSUV (whose weights depend on the
    /// data) the weights' actual second moments.
    /// </summary>
    public double[] WeightVariances()
    {
        if (_hidden is null) return NetworkTheory.WeightVariances(_mlp);
        int[] widths = [.. Widths];
        var variances = NetworkTheory.WeightVariances(_hidden, widths);
        variances[^1] = NetworkTheory.WeightVariances(_output!, widths)[^1];
        return variances;
    }

    // The network, and the probe's s, z and dL/ds of every layer over the n examples (NetworkProbe), before any is allocated.
    private static void RequireMemory(int[] widths, int n)
    {
        double parameters = TrainingMemory.Parameters(widths);
        if (parameters > Array.MaxLength)
            throw new ArgumentException($"The network {string.Join("-", widths)} has {parameters:G4} parameters; one array holds at most {Array.MaxLength:N0}. Use narrower layers.");
        MemoryBudget.Require(sizeof(float) * (2 * parameters + TrainingMemory.BatchFloats(widths, n)), $"Probing {string.Join("-", widths)} on {n} examples");
    }

    private static (float[] X, int[] Y, int Inputs, int Classes, string Source) ProbeSet(InitialProbeSpec spec)
    {
        int n = spec.Examples;
        if (spec.Dataset.Trim().ToLowerInvariant() == "gaussian")
        {
            var (x, y) = Gaussian(n, spec.GaussianInputs, spec.GaussianClasses, spec.Seed);
            return (x, y, spec.GaussianInputs, spec.GaussianClasses, $"gaussian N(0,1), {n} examples");
        }
        var test = DatasetCatalog.Open(spec.Dataset, new DatasetOptions(spec.DataPath, spec.Scaling)).Test;
        if (test.Count < n) throw new ArgumentException($"{test.Name} has {test.Count} examples; --examples asks for {n}.");
        var (inputs, labels) = FirstExamples.Read(test, n);
        return (inputs, labels, test.InputSize, test.ClassCount, $"{test.Name}, first {n} examples");
    }

    /// <summary>
    /// n examples of N(0, 1) inputs with uniform random labels, from stream 1000 of <paramref name="seed"/> (apart
    /// from the weight streams, one per layer): every input first, then every label.
    /// </summary>
    public static (float[] Inputs, int[] Labels) Gaussian(int n, int inputs, int classes, ulong seed)
    {
        if (inputs <= 0 || classes <= 1) throw new ArgumentException("--inputs must be positive and --classes at least 2.");
        // Checked in 64 bits before the inputs are drawn: n × inputs floats in one array.
        if ((long)n * inputs > Array.MaxLength)
            throw new ArgumentException($"--examples {n} × --inputs {inputs} = {(long)n * inputs:N0} inputs, more than one array holds ({Array.MaxLength:N0}); use fewer.");
        MemoryBudget.Require(sizeof(float) * (double)n * inputs, $"{n} gaussian examples of {inputs} inputs");
        var random = new RandomStream(seed, 1000);
        var x = new float[(long)n * inputs];
        for (int i = 0; i < x.Length; i++) x[i] = (float)random.NextGaussian();
        var y = new int[n];
        for (int i = 0; i < n; i++) y[i] = random.NextInt(classes);
        return (x, y);
    }
}
