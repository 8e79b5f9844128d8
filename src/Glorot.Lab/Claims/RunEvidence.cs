using Glorot.Lab.Runs;

namespace Glorot.Lab.Claims;

/// <summary>
/// What the claims read from one run directory (OUT/runs/NAME): its spec, metrics and probe tables, each loaded on
/// first use. A missing or unreadable file is never an exception here: <see cref="ProbeProblem"/> and its siblings say what is wrong and
/// the claim that needed it is "not reached".
/// </summary>
internal sealed class RunEvidence
{
    private readonly RunDirectory _dir;
    private readonly Lazy<(IReadOnlyList<ProbeRow>? Rows, string? Problem)> _probes;
    private readonly Lazy<(IReadOnlyList<MetricRow>? Rows, string? Problem)> _metrics;
    private readonly Lazy<(IReadOnlyList<HistogramBin>? Rows, string? Problem)> _histograms;
    private readonly Lazy<(RunSpec? Spec, string? Problem)> _spec;

    public RunEvidence(string name, RunDirectory dir)
    {
        Name = name;
        _dir = dir;
        _probes = new(() => Read(_dir.Probes, () => RunTables.Probes(_dir)));
        _metrics = new(() => Read(_dir.Metrics, () => RunTables.Metrics(_dir)));
        _histograms = new(() => Read(_dir.Histograms, () => RunTables.Histograms(_dir)));
        _spec = new(() => Read(_dir.Spec, () => RunSpecJson.Load(_dir.Spec)));
    }

    /// <summary>The run's name (its directory under OUT/runs).</summary>
    public string Name { get; }

    public IReadOnlyList<ProbeRow>? Probes => _probes.Value.Rows;
    public IReadOnlyList<MetricRow>? Metrics => _metrics.Value.Rows;
    public IReadOnlyList<HistogramBin>? Histograms => _histograms.Value.Rows;
    public RunSpec? Spec => _spec.Value.Spec;

    /// <summary>Why the probe table cannot be used (null when it can).</summary>
    public string? ProbeProblem => _probes.Value.Problem ?? (_probes.Value.Rows!.Count == 0 ? $"runs/{Name} has no probe rows" : null);

    /// <summary>Why the metrics cannot be used (null when they can).</summary>
    public string? MetricProblem => _metrics.Value.Problem ?? (_metrics.Value.Rows!.Count == 0 ? $"runs/{Name} has no metrics rows" : null);

    /// <summary>Why the histograms cannot be used (null when they can).</summary>
    public string? HistogramProblem => _histograms.Value.Problem ?? (_histograms.Value.Rows!.Count == 0 ? $"runs/{Name} has no histogram rows" : null);

    /// <summary>Why the spec cannot be used (null when it can).</summary>
    public string? SpecProblem => _spec.Value.Problem;

    /// <summary>The last probe step (the probes must be readable).</summary>
    public long LastProbeStep => Probes!.Max(r => r.Step);

    /// <summary>The first probe step (0 for a run that started here).</summary>
    public long FirstProbeStep => Probes!.Min(r => r.Step);

    /// <summary>The hidden layers probed (1-based).</summary>
    public int Layers => Probes!.Max(r => r.Layer);

    /// <summary>One quantity of one layer over time.</summary>
    public List<ProbeRow> Series(string quantity, int layer) =>
        [.. Probes!.Where(r => r.Quantity == quantity && r.Layer == layer).OrderBy(r => r.Step)];

    /// <summary>One quantity at one probe step, layer 1 first (hidden layers only).</summary>
    public List<ProbeRow> At(string quantity, long step) =>
        [.. Probes!.Where(r => r.Quantity == quantity && r.Step == step && r.Layer > 0).OrderBy(r => r.Layer)];

    /// <summary>One quantity's histogram of one layer at one step, bins in order.</summary>
    public List<HistogramBin> Histogram(string quantity, int layer, long step) =>
        [.. Histograms!.Where(b => b.Quantity == quantity && b.Layer == layer && b.Step == step).OrderBy(b => b.Low)];

    private (T? Value, string? Problem) Read<T>(string path, Func<T> read) where T : class
    {
        if (!File.Exists(path)) return (null, $"runs/{Name}/{Path.GetFileName(path)} is missing");
        try
        {
            return (read(), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or FormatException)
        {
            return (null, $"runs/{Name}/{Path.GetFileName(path)} is unreadable ({ex.Message})");
        }
    }
}
