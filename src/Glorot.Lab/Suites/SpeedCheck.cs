using System.Diagnostics;
using System.Globalization;
using Glorot.Data;
using Glorot.Kernels;
using Glorot.Lab.Runs;
using Glorot.Nn;
using Glorot.Probes;

namespace Glorot.Lab.Suites;

/// <summary>
/// A measurement of this CPU of a few seconds before a suite starts, and the duration it predicts: the time to render one
/// training example, the arithmetic rate of an SGD update of the suite's first network at the threads each run will
/// have, and the parts of a probe — per probe example, per per-example weight gradient, per layer Jacobian — which a
/// FLOP count misses (a probe of 300 examples with 30 per-example weight gradients costs as much as ≈ 120 updates
/// of the paper's network; a Jacobian's eigen-decomposition seconds). The prediction scales them to every planned run (<see cref="Predict"/>);
/// the machine's load is read alongside, because other work on the cores slows every run by a factor the check
/// cannot foresee.
/// </summary>
/// <param name="SecondsPerExample">Rendering (or reading) one training example.</param>
/// <param name="FlopsPerSecond">FLOP per second of SGD updates (<see cref="SuiteCost.FlopPerUpdate"/>), data excluded.</param>
/// <param name="SecondsPerProbeExample">A probe's forward and backward pass and summaries, per probe example, on the measured network.</param>
/// <param name="SecondsPerWeightGradient">A probe's per-example weight gradient and its statistics, per example, on the measured network.</param>
/// <param name="SecondsPerJacobian">One layer Jacobian's singular values at the measured network's width.</param>
/// <param name="Width">The measured network's hidden width (Jacobians scale as its cube).</param>
/// <param name="FlopPerExample">FLOP of one example's update on the measured network (probe costs scale with it to other networks).</param>
/// <param name="Threads">Threads of the measured updates (a run's share).</param>
/// <param name="Cores">Logical cores of this process.</param>
/// <param name="Load">The one-minute load average (runnable threads), when the OS says it.</param>
/// <param name="VectorPath">The GEMM's vector path on this CPU.</param>
internal sealed record SpeedCheck(double SecondsPerExample, double FlopsPerSecond, double SecondsPerProbeExample, double SecondsPerWeightGradient,
    double SecondsPerJacobian, int Width, double FlopPerExample, int Threads, int Cores, double? Load, string VectorPath)
{
    /// <summary>Busy: more runnable threads than half the cores before the suite adds its own.</summary>
    public bool Busy => Load is { } load && load > 0.5 * Cores;

    /// <summary>
    /// Measures on <paramref name="spec"/>'s network and data: rendering and updates for about <paramref name="seconds"/>,
    /// then four probes of one batch and one half-width Jacobian (a fraction of a second more on an idle machine).
    /// </summary>
    public static SpeedCheck Measure(RunSpec spec, int threads, double seconds = 1.0)
    {
        double? load = ReadLoad();
        using var scope = Compute.Use(threads); // the probes' GEMMs on a run's threads, as Runner gives them
        var train = DatasetCatalog.Open(spec.Dataset, new DatasetOptions(spec.DataPath, spec.InputScaling, spec.Seed)).Train;
        var batches = new Minibatches(train, spec.BatchSize, shuffleSeed: spec.Seed);
        var x = new float[(long)spec.BatchSize * train.InputSize];
        var y = new int[spec.BatchSize];

        // Rendering, timed alone for a tenth of the budget after one untimed batch (the JIT compiles the renderer there:
        // timed, it made a tiny check's rate 100× too slow).
        batches.Fill(0, x, y);
        var clock = Stopwatch.StartNew();
        long filled = 0;
        while (filled == 0 || clock.Elapsed.TotalSeconds < 0.1 * seconds)
            batches.Fill(++filled, x, y);
        double perExample = clock.Elapsed.TotalSeconds / (filled * spec.BatchSize);

        // Updates on one fixed batch: the first third warms the JIT and the caches, the rest is timed.
        int[] widths = [train.InputSize, .. spec.Hidden, train.ClassCount];
        var mlp = new Mlp(widths, spec.Activation, WeightFills.Normalized, spec.Seed);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 1e-4f }, spec.BatchSize) { Threads = threads };
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < 0.3 * seconds) trainer.Step(x, y, out _);
        long steps = 0;
        clock.Restart();
        while (steps == 0 || clock.Elapsed.TotalSeconds < 0.6 * seconds)
        {
            trainer.Step(x, y, out _);
            steps++;
        }
        double updateFlop = SuiteCost.FlopPerUpdate(spec, widths[0], widths[^1]);
        double flops = steps * updateFlop / clock.Elapsed.TotalSeconds;

        // Probes on the batch's first rows: without and with per-example weight gradients, so that each part's cost per
        // example is the difference (the first call of each compiles, so each is timed on its second call).
        int rows = Math.Min(spec.BatchSize, spec.ProbeExamples);
        double ProbeSeconds(int weightGradients)
        {
            var probe = new NetworkProbe(mlp, Runner.ProbeSettings(spec, jacobian: false) with { WeightGradientBatches = weightGradients });
            probe.Measure(x.AsSpan(0, rows * train.InputSize), y.AsSpan(0, rows));
            var timer = Stopwatch.StartNew();
            probe.Measure(x.AsSpan(0, rows * train.InputSize), y.AsSpan(0, rows));
            return timer.Elapsed.TotalSeconds;
        }
        double plain = ProbeSeconds(0);
        int gradients = Math.Max(1, Math.Min(rows, spec.WeightGradientExamples));
        double perGradient = Math.Max(0, ProbeSeconds(gradients) - plain) / gradients;

        // One Jacobian at half the width (its Gram matrix and eigen-decomposition grow as the cube): a full-width one
        // takes seconds.
        int width = spec.Hidden[0], half = Math.Max(1, width / 2);
        var w = new float[half * half];
        for (int i = 0; i < w.Length; i++) w[i] = (float)Math.Sin(i); // any dense matrix: the time does not depend on the values
        var ones = Enumerable.Repeat(1f, half).ToArray();
        clock.Restart();
        JacobianSpectrum.MeanSingularValue(w, half, half, ones);
        double jacobian = clock.Elapsed.TotalSeconds * Math.Pow(width / (double)half, 3);
        return new SpeedCheck(perExample, flops, plain / rows, perGradient, jacobian, width,
            updateFlop / spec.BatchSize, threads, Environment.ProcessorCount, load, GemmPaths.Best.ToString());
    }

    /// <summary>
    /// Predicted seconds for <paramref name="tasks"/> run <paramref name="jobs"/> at a time: each task's
    /// <see cref="Work"/> over the updates it trains (a final stage that continues a selected candidate from its budget
    /// counts from there). Figures and the report come after and are not counted.
    /// </summary>
    public double Predict(IEnumerable<SuiteTask> tasks, int jobs)
    {
        double seconds = 0;
        foreach (var task in tasks)
        {
            var work = Work(task.Spec);
            // A selection task trains from 0 to the budget; a final task the updates left after it, or all of them.
            long from = task.Stage == SuiteStage.Final ? task.Spec.Updates - task.Updates : 0;
            seconds += from == 0 ? work.Through(task.Updates) : work.Through(from + task.Updates) - work.Through(from);
        }
        double parallel = Math.Max(1, Math.Min(jobs, Cores / Threads));
        return seconds / parallel;
    }

    /// <summary>
    /// The costs of <paramref name="spec"/>'s run at the measured rates: an update renders its minibatch and does the
    /// SGD arithmetic (<see cref="SuiteCost.FlopPerUpdate"/>); an evaluation is a forward pass over the validation and
    /// test sets; a probe is the measured per-example costs scaled by the network's FLOP per example against the measured
    /// network's; the Jacobians at update 0 are examples × hidden layers at the measured cost scaled by the cube of the
    /// width; reading the evaluation and probe sets comes first.
    /// </summary>
    public RunWork Work(RunSpec spec)
    {
        double update = SuiteCost.FlopPerUpdate(spec);
        // Forward FLOP of one example: 2·Σ in·out, a third of an update's arithmetic without its backward
        // pass into the first layer; 2/(6 − 2·first/Σ) ≈ 1/3 is close enough for an estimate.
        double perExample = update / spec.BatchSize;
        double forward = perExample / 3;
        double size = perExample / FlopPerExample;
        return new RunWork(
            Setup: (2.0 * spec.EvaluationExamples + spec.ProbeExamples) * SecondsPerExample,
            Update: spec.BatchSize * SecondsPerExample + update / FlopsPerSecond,
            Evaluation: 2.0 * spec.EvaluationExamples * forward / FlopsPerSecond,
            EvaluateEvery: spec.EvaluateEvery,
            Probe: size * (spec.ProbeExamples * SecondsPerProbeExample + spec.WeightGradientExamples * SecondsPerWeightGradient),
            ProbeEvery: spec.ProbeEvery,
            Jacobians: spec.JacobianExamples * spec.Hidden.Length * SecondsPerJacobian * Math.Pow(spec.Hidden.Max() / (double)Width, 3),
            Updates: spec.Updates);
    }

    /// <summary>One line: what was measured and on what.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{FlopsPerSecond / 1e9:F1} GFLOP/s per run on {Threads} thread(s), {SecondsPerExample * 1e6:F0} µs per example, {1e3 * SecondsPerWeightGradient:F0} ms per probe weight gradient ({VectorPath}, {Cores} cores{(Load is { } l ? $", load {l:F1}" : "")})");

    private static double? ReadLoad()
    {
        try
        {
            if (!File.Exists("/proc/loadavg")) return null;
            string first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double load) ? load : null;
        }
        catch (IOException) { return null; }
    }
}
