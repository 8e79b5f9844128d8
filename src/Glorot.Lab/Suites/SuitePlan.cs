using System.Globalization;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>
/// One repetition of one network of the suite: its seed, the name of its run directory (<c>tanh</c>, or
/// <c>tanh@seed=2</c> with several seeds) and the learning-rate candidates it chooses from. With a single candidate
/// the candidate is the run and its directory has the network's name; with several, each is an ordinary run
/// <c>NAME@lr=RATE</c> whose spec has the full update count.
/// </summary>
/// <param name="Network">The suite's network (label, paper values, grid).</param>
/// <param name="Seed">The seed of this repetition.</param>
/// <param name="Name">The run name of this repetition.</param>
/// <param name="Candidates">One spec per learning rate, in increasing rate order (one spec: no choice).</param>
public sealed record SuiteInstance(SuiteRun Network, ulong Seed, string Name, IReadOnlyList<RunSpec> Candidates)
{
    /// <summary>Whether a learning rate is chosen among several candidates.</summary>
    public bool Selects => Candidates.Count > 1;
}

/// <summary>One unit of work of a stage: a candidate up to the budget (selection) or a network's run to the end (final).</summary>
/// <param name="Stage">Selection or final.</param>
/// <param name="Instance">The network and seed.</param>
/// <param name="Spec">The candidate (selection); the first candidate (final: the winner is known only once the candidates are at the budget).</param>
/// <param name="Updates">Updates this task trains: the budget (selection); the rest after it, or all (final).</param>
public sealed record SuiteTask(SuiteStage Stage, SuiteInstance Instance, RunSpec Spec, long Updates)
{
    /// <summary>Estimated FLOP: <see cref="Updates"/> × <see cref="SuiteCost.FlopPerUpdate"/>.</summary>
    public double Cost => Updates * SuiteCost.FlopPerUpdate(Spec);

    /// <summary>The task's name: the candidate's run name (selection) or the network-and-seed name (final).</summary>
    public string Name => Stage == SuiteStage.Selection ? Spec.Name : Instance.Name;
}

/// <summary>
/// Every run a suite invocation trains: networks × seeds × learning-rate candidates, each an ordinary, resumable
/// <see cref="RunSpec"/> with its own directory under <c>OUT/runs</c>.
/// </summary>
public sealed class SuitePlan
{
    private SuitePlan(SuiteOptions options, IReadOnlyList<SuiteRun> networks, IReadOnlyList<SuiteInstance> instances, long selectionUpdates)
    {
        Options = options;
        Networks = networks;
        Instances = instances;
        SelectionUpdates = selectionUpdates;
    }

    /// <summary>The options the plan was made from.</summary>
    public SuiteOptions Options { get; }

    /// <summary>The suite's networks (first seed, before expanding the candidates).</summary>
    public IReadOnlyList<SuiteRun> Networks { get; }

    /// <summary>Every network × seed, network-major.</summary>
    public IReadOnlyList<SuiteInstance> Instances { get; }

    /// <summary>Updates each candidate trains before the choice.</summary>
    public long SelectionUpdates { get; }

    /// <summary>The seeds, in order.</summary>
    public IReadOnlyList<ulong> Seeds => [.. Enumerable.Range(0, Options.Seeds).Select(i => Options.Seed + (ulong)i)];

    /// <summary>Every run spec of the plan (candidates included), in plan order.</summary>
    public IEnumerable<RunSpec> AllRuns => Instances.SelectMany(i => i.Candidates);

    /// <summary>Whether any network chooses its learning rate (then the suite has two stages).</summary>
    public bool Selects => Instances.Any(i => i.Selects);

    /// <summary>Every task of <paramref name="stage"/> (Selection or Final), before <see cref="SuiteOptions.Only"/> and <see cref="SuiteOptions.Shard"/>.</summary>
    public IReadOnlyList<SuiteTask> AllTasks(SuiteStage stage) => stage == SuiteStage.Selection
        ? [.. Instances.Where(i => i.Selects).SelectMany(i => i.Candidates.Select(c => new SuiteTask(stage, i, c, SelectionUpdates)))]
        : [.. Instances.Select(i => new SuiteTask(SuiteStage.Final, i, i.Candidates[0], i.Selects ? i.Candidates[0].Updates - SelectionUpdates : i.Candidates[0].Updates))];

    /// <summary>The tasks of <paramref name="stage"/> this invocation trains: those named by --only, then those of its shard.</summary>
    public IReadOnlyList<SuiteTask> Tasks(SuiteStage stage)
    {
        var tasks = AllTasks(stage);
        if (Options.Only is { } only)
        {
            var names = only.ToHashSet(StringComparer.Ordinal);
            tasks = [.. tasks.Where(t => names.Contains(t.Instance.Network.Spec.Name) || names.Contains(t.Instance.Name)
                || (stage == SuiteStage.Selection ? names.Contains(t.Spec.Name) : t.Instance.Candidates.Any(c => names.Contains(c.Name))))];
        }
        if (Options.Shard is { } shard)
        {
            var assigned = SuiteShard.Assign([.. tasks.Select(t => (t.Name, t.Cost))], shard.Count);
            tasks = [.. tasks.Where((_, i) => assigned[i] == shard.Index)];
        }
        return tasks;
    }

    /// <summary>Every name --only accepts: networks, network-and-seed names, run names.</summary>
    public IReadOnlySet<string> Names => Instances.SelectMany(i => new[] { i.Network.Spec.Name, i.Name }.Concat(i.Candidates.Select(c => c.Name)))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The plan of <paramref name="options"/>.</summary>
    public static SuitePlan Of(SuiteOptions options)
    {
        options.Validate();
        var networks = Glorot2010Suite.Runs(options);
        long budget = Glorot2010Suite.SelectionUpdates(options.Profile);
        var instances = new List<SuiteInstance>();
        foreach (var network in networks)
            for (int i = 0; i < options.Seeds; i++)
            {
                ulong seed = options.Seed + (ulong)i;
                string name = options.Seeds > 1 ? $"{network.Spec.Name}@seed={seed.ToString(CultureInfo.InvariantCulture)}" : network.Spec.Name;
                var spec = network.Spec with { Name = name, Seed = seed };
                if (network.LearningRates.Count > 1 && budget % spec.EvaluateEvery != 0)
                    throw new InvalidOperationException($"The selection budget {budget} is not a multiple of evaluate_every {spec.EvaluateEvery}: no validation error would be measured there.");
                if (network.LearningRates.Count > 1 && budget >= spec.Updates)
                    throw new ArgumentException($"Network '{name}' trains {spec.Updates:N0} updates, no more than the selection budget of {budget:N0}: nothing would be left after choosing its rate.");
                IReadOnlyList<RunSpec> candidates = network.LearningRates.Count > 1
                    ? [.. network.LearningRates.Order().Select(rate => spec with { Name = $"{name}@lr={LearningRateGrid.Format(rate)}", LearningRate = rate })]
                    : [spec];
                instances.Add(new SuiteInstance(network, seed, name, candidates));
            }
        var plan = new SuitePlan(options, networks, instances, budget);
        if (options.Only is { } only && only.FirstOrDefault(n => !plan.Names.Contains(n)) is { } unknown)
            throw new ArgumentException($"--only: no run or network is named '{unknown}'; networks: {string.Join(", ", networks.Select(n => n.Spec.Name))} (or a run name from --list).");
        return plan;
    }
}
