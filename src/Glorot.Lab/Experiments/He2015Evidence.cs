using Glorot.Lab.Runs;

namespace Glorot.Lab.Experiments;

/// <summary>What one run of <see cref="He2015Suite"/> shows, read from its run directory.</summary>
/// <param name="Init">The hidden layers' scheme.</param>
/// <param name="ActivationStd">Std of each hidden layer's output at update 0 (layer 1 first).</param>
/// <param name="Metrics">Test error over training.</param>
/// <param name="Updates">Updates of the spec.</param>
internal sealed record He2015Evidence(string Init, double[] ActivationStd, IReadOnlyList<MetricRow> Metrics, long Updates)
{
    /// <summary>Geometric mean of std(layer k+1)/std(layer k) from layer 1 to the top: (std_top/std_1)^(1/(L−1)).</summary>
    public double PerLayerRatio => Math.Pow(ActivationStd[^1] / ActivationStd[0], 1.0 / (ActivationStd.Length - 1));

    /// <summary>Test error at update 0 (the untrained network).</summary>
    public double InitialTestError => Metrics[0].TestError;

    /// <summary>Test error at the last evaluation.</summary>
    public double FinalTestError => Metrics[^1].TestError;

    /// <summary>Reads a finished (or paused) run.</summary>
    public static He2015Evidence Read(RunDirectory run, RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(spec);
        var std = RunTables.Probes(run).Where(p => p.Step == 0 && p.Quantity == "activation" && p.Layer >= 1).OrderBy(p => p.Layer).Select(p => p.Std).ToArray();
        var metrics = RunTables.Metrics(run);
        if (std.Length != spec.Hidden.Length || metrics.Count == 0)
            throw new InvalidDataException($"{run.Root} has no probe at update 0 or no evaluation; run the suite again into the same --out to finish it.");
        return new He2015Evidence(spec.Init.Name, std, metrics, spec.Updates);
    }
}
