using System.Diagnostics;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>Progress of a whole suite: updates done over all runs, and where the reporting run stands.</summary>
/// <param name="Run">The run that reported.</param>
/// <param name="Done">Updates done in all runs of this invocation so far.</param>
/// <param name="Total">Updates this invocation plans in all runs.</param>
/// <param name="Stage">"selection", "training", "figures" or "report".</param>
public sealed record SuiteProgress(string Run, long Done, long Total, string Stage)
{
    /// <summary>The reporting run's update count.</summary>
    public long RunStep { get; init; }

    /// <summary>Where the reporting run stops in this stage (the selection budget, or its planned updates).</summary>
    public long RunEnd { get; init; }

    /// <summary>What the reporting run is doing (training, evaluating, probing, …).</summary>
    public RunPhase Phase { get; init; }
}

/// <summary>What <see cref="SuiteRunner.Run(SuiteOptions, string, IProgress{SuiteProgress}?, CancellationToken, Action{string}?)"/> produced.</summary>
/// <param name="Report">The HTML report (empty when the invocation trained only part of the suite).</param>
/// <param name="Runs">Each run's outcome (learning-rate candidates included).</param>
/// <param name="Seconds">Wall time of the whole suite (this invocation).</param>
public sealed record SuiteResult(string Report, IReadOnlyList<RunResult> Runs, double Seconds)
{
    /// <summary>Wall time of the suite's own stages after training ("figures", "report"); empty for a partial suite.</summary>
    public IReadOnlyList<(string Phase, PhaseTime Time)> StageTimings { get; init; } = [];
}

/// <summary>
/// Reproduces the paper: trains the runs of the <see cref="SuitePlan"/> into <c>OUT/runs/NAME</c> — first every
/// learning-rate candidate up to the selection budget (paused there with a checkpoint), then each network's winner
/// (or its only run) to the end — up to <see cref="SuiteOptions.Jobs"/> runs at once, then writes the outputs of
/// <see cref="SuiteReport"/> and <c>OUT/suite.json</c>. With --only, --shard or --stage it trains that part only and
/// writes a manifest under <c>OUT/manifests</c>; <c>glorot report</c> gathers the parts.
/// </summary>
public static class SuiteRunner
{
    /// <summary>Runs the suite in <paramref name="profile"/> into <paramref name="outDirectory"/>.</summary>
    public static SuiteResult Run(SuiteProfile profile, string outDirectory, ulong seed = 1, bool resume = false,
        IProgress<SuiteProgress>? progress = null, CancellationToken cancellation = default) =>
        Run(new SuiteOptions { Profile = profile, Seed = seed, Resume = resume }, outDirectory, progress, cancellation);

    /// <summary>
    /// Runs the suite as <paramref name="options"/> say into <paramref name="outDirectory"/>, reporting to
    /// <paramref name="progress"/> and stopping at a checkpoint on <paramref name="cancellation"/>; <paramref name="notice"/>
    /// hears each run's one-line notes (a resume from an older checkpoint, or on another compute path).
    /// <see cref="Prepare"/>, then <see cref="PreparedSuite.Run"/>.
    /// </summary>
    public static SuiteResult Run(SuiteOptions options, string outDirectory, IProgress<SuiteProgress>? progress = null, CancellationToken cancellation = default,
        Action<string>? notice = null) =>
        Prepare(options, outDirectory).Run(progress, cancellation, notice);

    /// <summary>
    /// Checks <paramref name="options"/> (<see cref="SuitePlan.Of"/>), their stage and shard, and every run this
    /// invocation starts or continues up front against what <paramref name="outDirectory"/> already holds (a run there
    /// without --resume, another spec: <see cref="Runner.Prepare"/>'s refusals that need no data), before anything is
    /// written. A refusal from here is about the caller's options; <see cref="PreparedSuite.Run"/> does the work.
    /// </summary>
    /// <exception cref="ArgumentException">An option, a combination of them, or a run directory in OUT refuses them.</exception>
    public static PreparedSuite Prepare(SuiteOptions options, string outDirectory)
    {
        var plan = SuitePlan.Of(options);
        if (plan.Selects && options.Shard is not null && options.Stage == SuiteStage.All)
            throw new ArgumentException("With learning-rate selection a shard runs one stage: --stage selection on every shard, then --stage final once they all finished.");
        var suite = new PreparedSuite(options, plan, outDirectory);
        // The winners of a selection continue their candidate, which this suite trained: only the runs it starts are checked.
        foreach (var task in suite.Selection)
            Runner.Check(task.Spec, suite.RunDirectory(task.Spec.Name).Root, RunOptionsOf(options, suite.RunDirectory(task.Spec.Name), options.Resume, plan.SelectionUpdates));
        foreach (var task in suite.Final.Where(t => !t.Instance.Selects))
            Runner.Check(task.Spec, suite.RunDirectory(task.Spec.Name).Root, RunOptionsOf(options, suite.RunDirectory(task.Spec.Name), options.Resume, null));
        return suite;
    }

    // A run's options in this suite. A suite's --resume continues the runs that exist and starts the others (a requeued
    // shard, a stage not yet begun).
    private static RunOptions RunOptionsOf(SuiteOptions options, RunDirectory dir, bool resume, long? stopAt) => new()
    {
        Resume = resume && Runner.HoldsRun(dir),
        Force = options.Force && !resume,
        StopAt = stopAt,
        Threads = options.ThreadsPerRun,
        KeepCheckpoints = options.KeepCheckpoints,
        TensorBoard = options.TensorBoard,
    };

    // The work of PreparedSuite.Run: every check has passed.
    internal static SuiteResult Execute(PreparedSuite suite, IProgress<SuiteProgress>? progress, CancellationToken cancellation, Action<string>? notice)
    {
        var clock = Stopwatch.StartNew();
        var (options, plan, outDirectory) = (suite.Options, suite.Plan, suite.OutDirectory);
        string runsDirectory = Path.Combine(outDirectory, "runs");
        RunDirectory DirectoryOf(string name) => suite.RunDirectory(name);
        var (selection, final) = (suite.Selection, suite.Final);

        // The choices of the final stage's networks need every candidate at the budget; trained here first if this
        // invocation runs both stages, otherwise they must be in OUT already.
        var tracker = new Tracker(selection.Sum(t => t.Updates) + final.Sum(t => t.Updates), progress);
        Directory.CreateDirectory(outDirectory);
        var manifest = SuiteManifest.Of(plan);
        manifest.Write(outDirectory, options, new { stage = options.Stage.ToString().ToLowerInvariant(), shard = options.Shard?.ToString(), only = options.Only });

        var results = new List<RunResult>();
        RunResult Train(RunSpec spec, string stage, bool resume, long? stopAt, long counted)
        {
            var runOptions = RunOptionsOf(options, DirectoryOf(spec.Name), resume, stopAt) with
            {
                Cancellation = cancellation,
                Notice = notice is null ? null : line => notice($"{spec.Name}: {line}"),
                Progress = tracker.For(spec.Name, stage, counted, stopAt ?? spec.Updates),
            };
            // What only a run's own preparation can check (memory, data, its checkpoint) is still the user's request.
            PreparedRun run;
            try { run = Runner.Prepare(spec, DirectoryOf(spec.Name).Root, runOptions); }
            catch (ArgumentException ex) { throw new RunRefusedException(spec.Name, ex); }
            using (run) return Checked(run.Train(), cancellation);
        }

        results.AddRange(RunQueue.Execute([.. LongestFirst(selection, options.JobCount).Select(t => (Func<RunResult>)(() =>
            Train(t.Spec, "selection", options.Resume, plan.SelectionUpdates, 0)))], options.JobCount));

        var choices = new Dictionary<string, SelectionChoice>(StringComparer.Ordinal);
        foreach (var task in final.Where(t => t.Instance.Selects))
        {
            var choice = LearningRateSelection.Choose(task.Instance, plan.SelectionUpdates, name => DirectoryOf(name));
            if (choice.Missing.Any())
                throw new InvalidDataException($"Network '{task.Instance.Name}': candidate(s) {string.Join(", ", choice.Missing.Select(m => m.Run))} are not at the selection budget of {plan.SelectionUpdates:N0} updates in {runsDirectory}; run --stage selection for them first (or gather their run directories there).");
            choices[task.Instance.Name] = choice;
        }
        var finals = LongestFirst(final, options.JobCount).Where(t => !t.Instance.Selects || choices[t.Instance.Name].Chosen is not null).ToList();
        var finalResults = RunQueue.Execute([.. finals.Select(t => (Func<RunResult>)(() =>
        {
            if (!t.Instance.Selects) return Train(t.Spec, "training", options.Resume, null, 0);
            var winner = t.Instance.Candidates.Single(c => c.Name == choices[t.Instance.Name].Chosen!.Run);
            return Train(winner, "training", resume: true, null, counted: plan.SelectionUpdates);
        }))], options.JobCount);
        foreach (var r in finalResults)
        {
            results.RemoveAll(x => x.Name == r.Name);
            results.Add(r);
        }

        if (options.IsPartial)
            return new SuiteResult("", results, clock.Elapsed.TotalSeconds);

        // A whole suite: the layout is every network's run here (results in plan order, so the report's tables are too).
        var ordered = plan.AllRuns.Select(r => results.FirstOrDefault(x => x.Name == r.Name)).OfType<RunResult>().ToList();
        var chosen = new Dictionary<string, RunDirectory>(StringComparer.Ordinal);
        foreach (var instance in plan.Instances)
        {
            string? run = instance.Selects ? choices[instance.Name].Chosen?.Run : instance.Candidates[0].Name;
            if (run is not null) chosen[instance.Name] = DirectoryOf(run);
        }
        var layout = new SuiteLayout(plan.Networks, plan.Seeds, chosen, [.. plan.Instances.Where(i => i.Selects).Select(i => choices[i.Name])]);
        var stageStarts = new List<(string Stage, long Start)>();
        string report = SuiteReport.Write(plan, layout, ordered, outDirectory, clock.Elapsed.TotalSeconds, stage =>
        {
            stageStarts.Add((stage, Stopwatch.GetTimestamp()));
            progress?.Report(new SuiteProgress("", tracker.Total, tracker.Total, stage));
        });
        long written = Stopwatch.GetTimestamp();
        // Each stage lasts until the next one starts, the last until the report is written.
        var stages = stageStarts.Select((s, i) => (s.Stage,
            new PhaseTime(Stopwatch.GetElapsedTime(s.Start, i + 1 < stageStarts.Count ? stageStarts[i + 1].Start : written).TotalSeconds, 1))).ToList();
        manifest.Write(outDirectory, options, new
        {
            seconds = clock.Elapsed.TotalSeconds,
            jobs = options.JobCount,
            threads_per_run = options.ThreadsPerRun,
            machine = MachineInfo.Describe(),
            runs = ordered.Select(r => new { name = r.Name, status = r.Status.ToString().ToLowerInvariant(), steps = r.Steps, seconds = r.Seconds }),
        });
        return new SuiteResult(report, ordered, clock.Elapsed.TotalSeconds) { StageTimings = stages };
    }

    private static RunResult Checked(RunResult result, CancellationToken cancellation) => result.Status == RunStatus.Cancelled
        ? throw new OperationCanceledException($"Stopped during run '{result.Name}'; continue with --resume.", cancellation)
        : result;

    // With several jobs the longest runs start first, so that no long run starts last (greedy LPT on the jobs); alone, plan order.
    private static IReadOnlyList<SuiteTask> LongestFirst(IReadOnlyList<SuiteTask> tasks, int jobs) =>
        jobs > 1 ? [.. tasks.OrderByDescending(t => t.Cost).ThenBy(t => t.Name, StringComparer.Ordinal)] : tasks;

    // Sums the updates of concurrent runs into one count for the suite's progress.
    private sealed class Tracker(long total, IProgress<SuiteProgress>? progress)
    {
        private long _done;

        public long Total => total;

        public IProgress<RunProgress>? For(string run, string stage, long counted, long end)
        {
            if (progress is null) return null;
            long last = 0;
            return new SyncProgress<RunProgress>(p =>
            {
                long mine = Math.Max(0, p.Step - counted);
                // One report at a time, so that the suite's count only grows in the order the sink hears it.
                lock (this)
                {
                    _done += mine - last;
                    last = mine;
                    progress.Report(new SuiteProgress(run, _done, total, stage) { RunStep = p.Step, RunEnd = end, Phase = p.Phase });
                }
            });
        }
    }
}
