using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>The stages of a suite with learning-rate selection.</summary>
public enum SuiteStage
{
    /// <summary>Selection, then final, in one invocation.</summary>
    All,

    /// <summary>Only train every candidate up to the selection budget.</summary>
    Selection,

    /// <summary>Only choose each network's rate from its candidates (all must be at the budget) and train the winners to the end.</summary>
    Final,
}

/// <summary>What a suite run trains (profile, seeds, width, learning-rate grid) and how (resume).</summary>
public sealed record SuiteOptions
{
    /// <summary>How much of the paper's protocol to run. Default quick.</summary>
    public SuiteProfile Profile { get; init; } = SuiteProfile.Quick;

    /// <summary>The first seed. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Seeds per network: <see cref="Seed"/>, <see cref="Seed"/> + 1, …. Default 1.</summary>
    public int Seeds { get; init; } = 1;

    /// <summary>The data set the networks train on (<see cref="SuiteDataset.Resolve"/>). Default Shapeset-3×2, the paper's.</summary>
    public SuiteDataset Dataset { get; init; } = SuiteDataset.Shapeset;

    /// <summary>Hidden width instead of the profile's; null keeps it.</summary>
    public int? Width { get; init; }

    /// <summary>Learning rates every network chooses from instead of the profile's (one rate: that rate, no choice); null keeps them.</summary>
    public IReadOnlyList<double>? LearningRates { get; init; }

    /// <summary>Continue runs from their latest checkpoints.</summary>
    public bool Resume { get; init; }

    /// <summary>Keep each completed run's final checkpoint (its trained weights, about 20 MB per 1000-wide network);
    /// by default they are deleted once the run completes, so an output directory holds results, not weights.</summary>
    public bool KeepCheckpoints { get; init; }

    /// <summary>Each run also writes TensorBoard events (<see cref="Runs.RunOptions.TensorBoard"/>).</summary>
    public bool TensorBoard { get; init; } = true;

    /// <summary>Start over runs already in the output directory (deletes their results); without it such a run is an error.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// Runs trained at once, each on its own thread (<see cref="SuiteRunner"/>); null = one per compute thread. Measured on
    /// 2 loaded cores, 2 runs of 1 thread each finished the quick profile in half the time of 1 run of 2 threads
    /// (docs/BENCHMARKS.md, "Lab"), and the same bits come out either way.
    /// </summary>
    public int? Jobs { get; init; }

    /// <summary>The number of concurrent runs: <see cref="Jobs"/>, or one per compute thread.</summary>
    public int JobCount => Jobs ?? TotalThreads;

    /// <summary>Compute threads of the whole invocation, divided among the jobs; 0 = <see cref="Compute.DefaultThreads"/> (every core unless set).</summary>
    public int Threads { get; init; }

    /// <summary>Train only these networks or runs (<c>tanh</c>, <c>tanh@seed=2</c>, <c>tanh@lr=0.01</c>); null = all.</summary>
    public IReadOnlyList<string>? Only { get; init; }

    /// <summary>Train only this shard of the runs (<see cref="SuiteShard"/>); null = all.</summary>
    public SuiteShard? Shard { get; init; }

    /// <summary>Which stage(s) to run. Default both.</summary>
    public SuiteStage Stage { get; init; } = SuiteStage.All;

    /// <summary>Whether this invocation trains only part of the suite (then it draws no report: <c>glorot report</c> does).</summary>
    public bool IsPartial => Only is not null || Shard is not null || Stage != SuiteStage.All;

    /// <summary>Compute threads each concurrent run gets: max(1, T / J).</summary>
    public int ThreadsPerRun => Math.Max(1, TotalThreads / JobCount);

    private int TotalThreads => Threads == 0 ? Compute.DefaultThreads : Threads;

    /// <summary>The profile's name as typed on the command line ("medium").</summary>
    public string ProfileName => Profile.ToString().ToLowerInvariant();

    /// <summary>Where the suite writes when no directory is given: glorot2010-PROFILE, or glorot2010-DATASET-PROFILE off Shapeset.</summary>
    public string DefaultOutDirectory => Dataset.IsShapeset ? $"glorot2010-{ProfileName}" : $"glorot2010-{Dataset.Name}-{ProfileName}";

    /// <summary>Checks every option; a bad one throws <see cref="ArgumentException"/> naming it.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Profile)) throw new ArgumentException($"Unknown profile {(int)Profile}.");
        if (Seeds is < 1 or > 1000) throw new ArgumentException($"--seeds {Seeds} is out of range; give 1 to 1000 seeds per network.");
        if (Seed > ulong.MaxValue - (ulong)Seeds) throw new ArgumentException($"--seed {Seed} leaves no room for {Seeds} consecutive seeds.");
        if (Width is { } w && w is < 1 or > 4096) throw new ArgumentException($"--width {w} is out of range; give a hidden width from 1 to 4096.");
        if (LearningRates is { } grid) LearningRateGrid.Validate(grid);
        if (Jobs is < 1 or > 1024) throw new ArgumentException($"--jobs {Jobs} is out of range; give 1 to 1024 concurrent runs.");
        if (Threads is < 0 or > Compute.MaxThreads) throw new ArgumentException($"{Threads} threads is out of range; give 1 to {Compute.MaxThreads} (0 = the process default).");
        if (Only is { Count: 0 }) throw new ArgumentException("--only names no run; give NAME[,NAME…].");
    }
}
