using System.Globalization;

namespace Glorot.Lab.Runs;

/// <summary>The files of one run (DESIGN.md "How data flows").</summary>
public sealed record RunDirectory(string Root)
{
    /// <summary>Where a run goes when no directory is given: runs/NAME, relative to the working directory.</summary>
    public static RunDirectory Default(RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new RunDirectory(Path.Combine("runs", spec.Name));
    }

    /// <summary>The resolved spec.</summary>
    public string Spec => Path.Combine(Root, "spec.json");

    /// <summary>Status, timings and the final numbers of the run.</summary>
    public string Summary => Path.Combine(Root, "run.json");

    /// <summary>Training loss/error and validation/test loss/error over time.</summary>
    public string Metrics => Path.Combine(Root, "metrics.csv");

    /// <summary>Per-layer summaries (mean, std, percentiles) at each probe time (<see cref="Glorot.Probes.ProbeCsv"/>'s summary table).</summary>
    public string Probes => Path.Combine(Root, Glorot.Probes.ProbeCsv.SummaryFile);

    /// <summary>Per-layer histograms at each probe time (<see cref="Glorot.Probes.ProbeCsv"/>'s histogram table).</summary>
    public string Histograms => Path.Combine(Root, Glorot.Probes.ProbeCsv.HistogramFile);

    /// <summary>Every probe record as one JSON object per line (<see cref="Glorot.Probes.ProbeJson"/>).</summary>
    public string ProbeLines => Path.Combine(Root, "probes.jsonl");

    /// <summary>TensorBoard's folder of the run (<c>tensorboard --logdir</c> on the folder above the runs shows them all).</summary>
    public string TensorBoard => Path.Combine(Root, "tb");

    /// <summary>The run's TensorBoard event file (docs/LAB.md "TensorBoard" lists its tags).</summary>
    public string Events => Path.Combine(TensorBoard, Glorot.Lab.TensorBoard.EventFile.FileName);

    /// <summary>Where and how training diverged, when it did.</summary>
    public string Divergence => Path.Combine(Root, "divergence.json");

    /// <summary>Wall time by phase (<see cref="RunTimings"/>), written at every checkpoint and when the run ends.</summary>
    public string Timings => Path.Combine(Root, "timings.csv");

    /// <summary>What the run's bits depend on besides the spec (the compute path), recorded when it started.</summary>
    public string Environment => Path.Combine(Root, "environment.json");

    /// <summary>With init "lsuv": its settings and every rescaling (Mishkin &amp; Matas 2016 Algorithm 1), written at the start.</summary>
    public string Lsuv => Path.Combine(Root, "lsuv.json");

    /// <summary>The folder of checkpoints (only the latest good one is kept).</summary>
    public string Checkpoints => Path.Combine(Root, "checkpoints");

    /// <summary>The checkpoint folder of step <paramref name="step"/>.</summary>
    public string Checkpoint(long step) => Path.Combine(Checkpoints, "step-" + step.ToString("D9", CultureInfo.InvariantCulture));
}
