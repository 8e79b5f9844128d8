using System.Diagnostics;
using Glorot.Random;

namespace Glorot.Nn;

/// <summary>What <see cref="TrainingBenchmark.Run"/> measures.</summary>
internal sealed record TrainingBenchmarkOptions
{
    /// <summary>Input width.</summary>
    public int Inputs { get; init; } = 1024;
    /// <summary>Hidden widths (the paper's deepest net: 5 × 1000).</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [1000, 1000, 1000, 1000, 1000];
    /// <summary>Output classes.</summary>
    public int Classes { get; init; } = 9;
    /// <summary>Hidden activation.</summary>
    public Activation Activation { get; init; } = Activation.Tanh;
    /// <summary>Minibatch size.</summary>
    public int Batch { get; init; } = 10;
    /// <summary>Timed steps per repeat.</summary>
    public int Steps { get; init; } = 500;
    /// <summary>Untimed steps before the first repeat (JIT, caches, the compute worker).</summary>
    public int WarmupSteps { get; init; } = 20;
    /// <summary>Timed repeats; the best is reported (the machine is shared).</summary>
    public int Repeats { get; init; } = 3;
    /// <summary>Compute threads: 0 = <see cref="Compute.Threads"/>, else 1 … <see cref="Compute.MaxThreads"/>.</summary>
    public int Threads { get; init; }
    /// <summary>
    /// One core's FP32 FMA peak in GFLOP/s for <see cref="TrainingBenchmarkResult.FractionOfPeak"/>; null measures
    /// it (an FMA-only loop, tens of milliseconds).
    /// </summary>
    public double? PeakGflopPerCore { get; init; }
    /// <summary>
    /// Whether each layer's data gradient and update share one pass over W (the trainer's default; see
    /// docs/BENCHMARKS.md "Fused backward step"); false times the two-pass step it replaced. Same bits either way.
    /// </summary>
    public bool FusedBackward { get; init; } = true;
    /// <summary>The optimizer (plain SGD by default, as the paper).</summary>
    public SgdOptions Sgd { get; init; } = new() { LearningRate = 1e-3f };
}

/// <summary>One measurement of <see cref="TrainingBenchmark.Run"/>.</summary>
/// <param name="StepsPerSecond">Best repeat's steps per second.</param>
/// <param name="ExamplesPerSecond">Steps per second × batch.</param>
/// <param name="GflopPerSecond">Useful FLOP per second / 1e9 (see <see cref="TrainingBenchmark.FlopPerExample"/>).</param>
/// <param name="FractionOfPeak">GFLOP/s over the FMA peak of the cores the threads can use.</param>
/// <param name="PeakGflopPerSecond">That peak: one core's FMA peak (measured or given) × min(threads, processors).</param>
/// <param name="FlopPerExample">FLOP per example counted.</param>
/// <param name="RepeatSeconds">Wall time of each timed repeat.</param>
/// <param name="Threads">Threads used.</param>
internal sealed record TrainingBenchmarkResult(double StepsPerSecond, double ExamplesPerSecond, double GflopPerSecond,
    double FractionOfPeak, double PeakGflopPerSecond, double FlopPerExample, IReadOnlyList<double> RepeatSeconds, int Threads);

/// <summary>
/// Times full training steps (forward, softmax-NLL, backward, SGD update) of an MLP on random inputs — the data
/// do not change the arithmetic, so random inputs measure the same step a real dataset would.
/// </summary>
internal static class TrainingBenchmark
{
    /// <summary>
    /// FLOP per example of one step: forward 2·Σ in·out, weight gradient the same, backward data 2·Σ in·out
    /// without the first layer (no gradient is needed for the inputs). Element-wise work is not counted.
    /// </summary>
    public static double FlopPerExample(IReadOnlyList<int> widths)
    {
        double forward = 0, data = 0;
        for (int l = 0; l + 1 < widths.Count; l++)
        {
            double product = 2.0 * widths[l] * widths[l + 1];
            forward += product;
            if (l > 0) data += product;
        }
        return 2 * forward + data;
    }

    /// <summary>
    /// Refuses options the benchmark cannot run: counts out of range, a bad peak or SGD setting, a network beyond the
    /// memory budget. <see cref="Run"/> checks the same first; a caller that must tell a refusal of its input from a
    /// failure of the timing itself calls this alone.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range or the network does not fit in memory.</exception>
    public static void Check(TrainingBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Steps <= 0 || options.Repeats <= 0 || options.WarmupSteps < 0)
            throw new ArgumentException("Steps and repeats must be positive, warm-up steps non-negative.");
        if (options.Threads is < 0 or > Compute.MaxThreads)
            throw new ArgumentException($"Threads must be 0 (the default) or 1 to {Compute.MaxThreads}, not {options.Threads}.");
        if (options.PeakGflopPerCore is { } given && !(given > 0 && double.IsFinite(given)))
            throw new ArgumentException($"The peak must be a positive number of GFLOP/s per core, not {given}.");
        options.Sgd.Validate();
        TrainingMemory.Require([options.Inputs, .. options.Hidden, options.Classes], options.Batch, options.Sgd);
    }

    /// <summary>Runs the benchmark (after <see cref="Check"/>).</summary>
    public static TrainingBenchmarkResult Run(TrainingBenchmarkOptions options)
    {
        Check(options);
        var mlp = new Mlp(options.Inputs, options.Hidden, options.Classes, options.Activation, WeightFills.Normalized, seed: 1);
        var trainer = new SgdTrainer(mlp, options.Sgd, options.Batch) { Threads = options.Threads, FusedBackwardStep = options.FusedBackward };
        // A few distinct random batches, cycled: generating data is not part of the step.
        const int batches = 8;
        var random = new RandomStream(2010, 0);
        var x = new float[batches * options.Batch * options.Inputs];
        for (int i = 0; i < x.Length; i++) x[i] = random.NextFloat() * 2 - 1;
        var y = new int[batches * options.Batch];
        for (int i = 0; i < y.Length; i++) y[i] = random.NextInt(options.Classes);
        int step = 0;
        void Step()
        {
            int b = step++ % batches;
            trainer.Step(x.AsSpan(b * options.Batch * options.Inputs, options.Batch * options.Inputs),
                y.AsSpan(b * options.Batch, options.Batch));
        }
        for (int i = 0; i < options.WarmupSteps; i++) Step();
        var seconds = new List<double>();
        for (int r = 0; r < options.Repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < options.Steps; i++) Step();
            seconds.Add(watch.Elapsed.TotalSeconds);
        }
        int threads = options.Threads == 0 ? Compute.Threads : options.Threads;
        double stepsPerSecond = options.Steps / seconds.Min();
        double flop = FlopPerExample(mlp.Widths);
        double gflops = stepsPerSecond * options.Batch * flop / 1e9;
        // Threads beyond the processor count share cores, so they add no peak.
        double peak = (options.PeakGflopPerCore ?? Kernels.FmaPeak.GflopPerCore())
            * Math.Min(threads, Environment.ProcessorCount);
        return new TrainingBenchmarkResult(stepsPerSecond, stepsPerSecond * options.Batch, gflops, gflops / peak, peak,
            flop, seconds, threads);
    }
}
