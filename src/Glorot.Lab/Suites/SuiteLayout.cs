using System.Text.Json;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>
/// Which run directory stands for each network and seed of a suite — the network's own run, or the learning-rate
/// candidate that won — wherever it lies (one output directory, or run directories gathered from shards). Figures,
/// Table 1 and the report read runs only through it; a network without a run is reported as missing.
/// </summary>
public sealed class SuiteLayout
{
    private readonly Dictionary<string, RunDirectory> _runs;

    /// <summary>A layout of <paramref name="networks"/> whose runs (key: instance name, <c>tanh</c> or <c>tanh@seed=2</c>) are <paramref name="runs"/>.</summary>
    internal SuiteLayout(IReadOnlyList<SuiteRun> networks, IReadOnlyList<ulong> seeds, IReadOnlyDictionary<string, RunDirectory> runs,
        IReadOnlyList<SelectionChoice>? choices = null)
    {
        Networks = networks;
        Seeds = seeds;
        _runs = new Dictionary<string, RunDirectory>(runs, StringComparer.Ordinal);
        Choices = choices ?? [];
    }

    /// <summary>The suite's networks.</summary>
    public IReadOnlyList<SuiteRun> Networks { get; }

    /// <summary>The seeds every network was trained with.</summary>
    public IReadOnlyList<ulong> Seeds { get; }

    /// <summary>The learning-rate choices (empty when no rate was chosen).</summary>
    internal IReadOnlyList<SelectionChoice> Choices { get; }

    /// <summary>The layout of a suite trained in one directory with fixed rates: <c>OUT/runs/NAME</c> for every network.</summary>
    public static SuiteLayout InDirectory(IReadOnlyList<SuiteRun> networks, string outDirectory) =>
        new(networks, [networks.Count > 0 ? networks[0].Spec.Seed : 1],
            networks.ToDictionary(n => n.Spec.Name, n => new RunDirectory(Path.Combine(outDirectory, "runs", n.Spec.Name))));

    /// <summary>The instance name of <paramref name="network"/> with its <paramref name="seedIndex"/>-th seed.</summary>
    public string InstanceName(string network, int seedIndex) =>
        Seeds.Count > 1 ? $"{network}@seed={Seeds[seedIndex].ToString(System.Globalization.CultureInfo.InvariantCulture)}" : network;

    /// <summary>The run of <paramref name="network"/> with the first seed (the one figures 2–10 show), or null when missing.</summary>
    public RunDirectory? Primary(string network) => Run(InstanceName(network, 0));

    /// <summary>The runs of <paramref name="network"/>, one per seed, null where missing.</summary>
    public IReadOnlyList<RunDirectory?> AllSeeds(string network) => [.. Seeds.Select((_, i) => Run(InstanceName(network, i)))];

    /// <summary>The run standing for an instance name, or null when it has none (missing, or every candidate diverged).</summary>
    public RunDirectory? Run(string instance) => _runs.TryGetValue(instance, out var dir) && File.Exists(dir.Metrics) ? dir : null;

    /// <summary>The status written in a run's run.json ("completed", "paused", …), or "missing".</summary>
    public static string Status(RunDirectory? run)
    {
        if (run is null || !File.Exists(run.Summary)) return "missing";
        using var json = JsonDocument.Parse(File.ReadAllText(run.Summary));
        return json.RootElement.TryGetProperty("status", out var status) ? status.GetString() ?? "missing" : "missing";
    }
}
