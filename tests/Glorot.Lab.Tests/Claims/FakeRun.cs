using System.Globalization;
using System.Text;
using Glorot.Lab.Claims;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Claims;

/// <summary>A hand-made run directory OUT/runs/NAME: small CSV tables written row by row, as a run would.</summary>
internal sealed class FakeRun
{
    private readonly string _out;
    private readonly StringBuilder _probes = new(string.Join(",", Runner.ProbeColumns) + "\n");
    private readonly StringBuilder _bins = new(string.Join(",", Runner.HistogramColumns) + "\n");
    private readonly StringBuilder _metrics = new(string.Join(",", Runner.MetricsColumns) + "\n");
    private bool _anyProbe, _anyBin, _anyMetric;
    private int? _evaluationExamples;

    public FakeRun(string outDirectory, string name)
    {
        _out = outDirectory;
        Name = name;
    }

    public string Name { get; }

    public RunDirectory Dir => new(Path.Combine(_out, "runs", Name));

    private static string N(double? x) => x is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>A probe summary row (p1/p99 at ±2.33 std, min/max at ±4 std; no conditions).</summary>
    public FakeRun Probe(long step, int layer, string quantity, double mean, double std, double? absP98 = null, double? jacobian = null)
    {
        _probes.Append(CultureInfo.InvariantCulture,
            $"{step},{layer},{quantity},100,{N(mean)},{N(std)},{N(mean - 4 * std)},{N(mean + 4 * std)},{N(mean - 2.33 * std)},{N(mean + 2.33 * std)},0,0,{N(jacobian)},{N(absP98)},,,\n");
        _anyProbe = true;
        return this;
    }

    /// <summary>Activation rows of every layer at one step (one mean per layer, std 0.1).</summary>
    public FakeRun Means(long step, params double[] means)
    {
        for (int l = 0; l < means.Length; l++) Probe(step, l + 1, "activation", means[l], 0.1, absP98: Math.Min(1, means[l] + 0.2));
        return this;
    }

    /// <summary>Rows of one quantity for every layer at one step (one std per layer).</summary>
    public FakeRun Stds(long step, string quantity, params double[] stds)
    {
        for (int l = 0; l < stds.Length; l++) Probe(step, l + 1, quantity, 0, stds[l]);
        return this;
    }

    /// <summary>Activation rows with a given 98th percentile of |z| per layer.</summary>
    public FakeRun AbsP98(long step, params double[] values)
    {
        for (int l = 0; l < values.Length; l++) Probe(step, l + 1, "activation", 0, values[l] / 2.33, absP98: values[l]);
        return this;
    }

    /// <summary>A density histogram of one layer: equal bins over [low, high].</summary>
    public FakeRun Histogram(long step, int layer, string quantity, double low, double high, params double[] densities)
    {
        double width = (high - low) / densities.Length;
        for (int i = 0; i < densities.Length; i++)
            _bins.Append(CultureInfo.InvariantCulture,
                $"{step},{layer},{quantity},{i},{N(low + i * width)},{N(low + (i + 1) * width)},{(long)Math.Round(densities[i] * 1000)},{N(densities[i])}\n");
        _anyBin = true;
        return this;
    }

    public FakeRun Metric(long step, double testError)
    {
        _metrics.Append(CultureInfo.InvariantCulture, $"{step},{step * 10},,,2.2,{N(testError)},2.2,{N(testError)}\n");
        _anyMetric = true;
        return this;
    }

    public FakeRun Spec(int evaluationExamples)
    {
        _evaluationExamples = evaluationExamples;
        return this;
    }

    /// <summary>Writes the tables that received rows (and spec.json when set) and opens the run as the claims do.</summary>
    public RunEvidence Write()
    {
        Directory.CreateDirectory(Dir.Root);
        if (_anyProbe) File.WriteAllText(Dir.Probes, _probes.ToString());
        if (_anyBin) File.WriteAllText(Dir.Histograms, _bins.ToString());
        if (_anyMetric) File.WriteAllText(Dir.Metrics, _metrics.ToString());
        if (_evaluationExamples is { } n) RunSpecJson.Save(new RunSpec { Name = Name, EvaluationExamples = n }, Dir.Spec);
        return Open();
    }

    public RunEvidence Open() => new(Name, Dir);
}
