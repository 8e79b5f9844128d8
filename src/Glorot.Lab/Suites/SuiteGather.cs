using System.Text.Json;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>A suite put together from the run directories of one or more output directories (shards, copies).</summary>
/// <param name="Plan">The suite's plan, rebuilt from the manifests.</param>
/// <param name="Layout">Which run stands for each network and seed; missing ones are absent.</param>
/// <param name="Results">Every run found, from its run.json.</param>
/// <param name="Manifest">The manifest every directory agreed on.</param>
public sealed record GatheredSuite(SuitePlan Plan, SuiteLayout Layout, IReadOnlyList<RunResult> Results, SuiteManifest Manifest)
{
    /// <summary>The networks no run was found for (the report names them as missing).</summary>
    public IReadOnlyList<string> Missing => [.. Plan.Instances.Select(i => i.Name).Where(n => Layout.Run(n) is null)];
}

/// <summary>
/// Gathers finished run directories from any number of output directories of one suite run: checks that their
/// manifests agree (suite, profile, seeds, width, grid, budget, spec digests), that every run directory belongs to the
/// plan and is finished (run.json present; completed, diverged, or a candidate paused at the budget), and makes the
/// learning-rate choices from the candidates found. Any problem is one exception naming it; nothing is written.
/// </summary>
public static class SuiteGather
{
    /// <summary>
    /// Writes <paramref name="gathered"/>'s figures, Table 1 and report into <paramref name="outDirectory"/>, and its
    /// manifest naming the directories it was gathered from; returns the report's path. The work of <c>glorot report</c>
    /// once <see cref="Gather"/> has checked everything.
    /// </summary>
    public static string Write(GatheredSuite gathered, IEnumerable<string> sources, string outDirectory, double seconds)
    {
        ArgumentNullException.ThrowIfNull(gathered);
        string report = SuiteReport.Write(gathered.Plan, gathered.Layout, gathered.Results, outDirectory, seconds);
        SuiteManifest.Of(gathered.Plan).Write(outDirectory, gathered.Plan.Options, new { gathered_from = sources.Select(Path.GetFullPath) });
        return report;
    }

    /// <summary>Gathers <paramref name="directories"/>.</summary>
    public static GatheredSuite Gather(IReadOnlyList<string> directories)
    {
        if (directories.Count == 0) throw new ArgumentException("Give at least one output directory of glorot reproduce.");
        (string Path, SuiteManifest Manifest)? reference = null;
        foreach (var dir in directories)
        {
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{dir}: no such directory.");
            var manifests = SuiteManifest.ReadAll(dir);
            if (manifests.Count == 0) throw new InvalidDataException($"{dir}: no suite.json or {SuiteManifest.PartsFolder}/: not an output directory of glorot reproduce.");
            foreach (var m in manifests)
            {
                reference ??= m;
                if (reference.Value.Manifest.Difference(m.Manifest) is { } difference)
                    throw new InvalidDataException($"{m.Path} belongs to another suite run than {reference.Value.Path}: {difference}.");
            }
        }
        var manifest = reference!.Value.Manifest;
        var plan = SuitePlan.Of(manifest.Options());
        if (manifest.Protocol.Length > 0 && SuiteManifest.ProtocolDigest(plan) != manifest.Protocol)
            throw new InvalidDataException($"{reference.Value.Path}: its protocol digest {manifest.Protocol} is not this glorot's ({SuiteManifest.ProtocolDigest(plan)}): the runs were made by another version of the suite.");

        var specs = plan.AllRuns.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var found = new Dictionary<string, (RunDirectory Dir, RunResult Result)>(StringComparer.Ordinal);
        foreach (var dir in directories)
        {
            string runs = Path.Combine(dir, "runs");
            if (!Directory.Exists(runs)) continue;
            foreach (var path in Directory.GetDirectories(runs).Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(path);
                if (!specs.TryGetValue(name, out var spec))
                    throw new InvalidDataException($"{path}: run '{name}' is not part of this suite ({manifest.Profile}, seeds {manifest.Seed}×{manifest.Seeds}, width {manifest.Width}).");
                var run = new RunDirectory(path);
                var result = Read(run, spec, plan);
                if (!found.TryGetValue(name, out var other) || result.Steps > other.Result.Steps) found[name] = (run, result);
            }
        }

        RunDirectory? Find(string name) => found.TryGetValue(name, out var f) ? f.Dir : null;
        var choices = new List<SelectionChoice>();
        var chosen = new Dictionary<string, RunDirectory>(StringComparer.Ordinal);
        foreach (var instance in plan.Instances)
        {
            string? run = instance.Candidates[0].Name;
            if (instance.Selects)
            {
                var choice = LearningRateSelection.Choose(instance, plan.SelectionUpdates, Find);
                choices.Add(choice);
                run = choice.Chosen?.Run;
            }
            if (run is null || !found.TryGetValue(run, out var f)) continue;
            if (f.Result.Status == RunStatus.Paused)
                throw new InvalidDataException($"{f.Dir.Root}: run '{run}' is paused at update {f.Result.Steps:N0}" +
                    (instance.Selects ? " (its network's chosen rate): run the final stage (glorot reproduce … --stage final --resume) first." : "; continue it with --resume."));
            chosen[instance.Name] = f.Dir;
        }
        var layout = new SuiteLayout(plan.Networks, plan.Seeds, chosen, choices);
        return new GatheredSuite(plan, layout, [.. plan.AllRuns.Where(r => found.ContainsKey(r.Name)).Select(r => found[r.Name].Result)], manifest);
    }

    // A run directory's outcome from its files; a half-written run is an error.
    private static RunResult Read(RunDirectory run, RunSpec spec, SuitePlan plan)
    {
        if (!File.Exists(run.Summary)) throw new InvalidDataException($"{run.Root}: half-written run (no run.json): it is still training or was stopped; finish it with --resume.");
        if (!File.Exists(run.Spec) || SuiteCost.Digest(RunSpecJson.Load(run.Spec)) != SuiteCost.Digest(spec))
            throw new InvalidDataException($"{run.Root}: its spec.json is not the suite's spec of '{spec.Name}' (digest {SuiteCost.Digest(spec)}).");
        var result = RunSummary.Read(run, spec.Name);
        if (result is null || result.Status == RunStatus.Cancelled || (result.Status == RunStatus.Paused && result.Steps != plan.SelectionUpdates))
            throw new InvalidDataException($"{run.Root}: half-written run (status '{result?.Status.ToString().ToLowerInvariant() ?? "unreadable"}' at update {result?.Steps ?? 0:N0}); finish it with --resume.");
        return result;
    }
}
