using Glorot.Lab.Runs;
using Glorot.Lab.Suites;

namespace Glorot.Lab.Tests.Suites;

public sealed class SuiteWorkTests
{
    // Rates like the quick profile's speed check at load ≈ 40 on 2 cores (docs/BENCHMARKS.md): 11 µs per example,
    // 14.6 GFLOP/s, 93 ms per probe weight gradient; a 1000-wide Jacobian 2 s ("Probes" there: 1.3–2.6 s each).
    private static readonly SpeedCheck Check = new(1.1e-5, 14.6e9, 2e-4, 0.093, 2.0, 1000,
        SuiteCost.FlopPerUpdate(new RunSpec()) / new RunSpec().BatchSize, Threads: 2, Cores: 2, Load: 40, VectorPath: "test");

    private static readonly SuitePlan Quick = SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Quick });

    private sealed record Report(SuiteProgress Progress, double Seconds);

    // The reports a suite of final tasks run one at a time sends, as RunTraining sends them (each event's phase as it
    // starts, training again as it ends, and every Updates/400 updates), with the real time at each: the run's costs
    // are `truth`'s, not the prediction's.
    private static List<Report> Simulate(IReadOnlyList<SuiteTask> tasks, Func<RunSpec, RunWork> truth)
    {
        var reports = new List<Report>();
        long total = tasks.Sum(t => t.Updates), done = 0;
        double seconds = 0;
        foreach (var task in tasks)
        {
            var spec = task.Spec;
            var work = truth(spec);
            long every = Math.Max(1, spec.Updates / 400);
            void Send(long step, RunPhase phase) =>
                reports.Add(new Report(new SuiteProgress(spec.Name, done, total, "training") { RunStep = step, RunEnd = spec.Updates, Phase = phase }, seconds));
            seconds += work.Setup;
            for (long step = 0; step <= spec.Updates; step++)
            {
                if (step > 0)
                {
                    seconds += work.Update;
                    done++;
                }
                foreach (var phase in new[] { RunPhase.Evaluating, step == 0 && work.Jacobians > 0 ? RunPhase.Jacobians : RunPhase.Probing })
                {
                    if (work.At(step, phase) == 0) continue;
                    Send(step, phase);
                    seconds += work.At(step, phase);
                    Send(step, RunPhase.Training);
                }
                if (step == 0 || step % every == 0 || step == spec.Updates) Send(step, RunPhase.Training);
            }
        }
        return reports;
    }

    // The ETA's relative error at the first report past 10 % of the work, counted in predicted seconds (cost given) or updates.
    private static double ErrorAtTenPercent(List<Report> reports, SuiteWork? cost)
    {
        double end = reports[^1].Seconds;
        foreach (var (progress, seconds) in reports)
        {
            cost?.Report(progress);
            double done = cost?.Done ?? progress.Done, total = cost?.Total ?? progress.Total;
            if (done < 0.1 * total) continue;
            double left = ProgressEta.Remaining(0, done, total, TimeSpan.FromSeconds(seconds))!.Value.TotalSeconds;
            return (seconds + left) / end - 1;
        }
        throw new InvalidOperationException("never reached 10 %");
    }

    [Fact]
    public void The_quick_profile_runs_sigmoid_first_without_Jacobians_and_tanh_with_them()
    {
        var tasks = Quick.Tasks(SuiteStage.Final);
        Assert.Equal(Activation.Sigmoid, tasks[0].Spec.Activation);
        Assert.Equal(0, tasks[0].Spec.JacobianExamples);
        Assert.Contains(tasks, t => t.Spec.Activation == Activation.Tanh && t.Spec.JacobianExamples > 0);
    }

    [Fact]
    public void On_a_machine_uniformly_slower_than_the_check_the_ETA_at_10_percent_is_exact()
    {
        var tasks = Quick.Tasks(SuiteStage.Final);
        // Other work makes everything 2.4 times slower than the check measured.
        var reports = Simulate(tasks, spec => Scaled(Check.Work(spec), 2.4, 2.4, 2.4));
        Assert.Equal(0, ErrorAtTenPercent(reports, new SuiteWork(tasks, Quick.SelectionUpdates, Check.Work)), 6);
        // Counting updates, the sigmoid run's cheap updates (4 layers, no Jacobians) promise too little time.
        Assert.True(ErrorAtTenPercent(reports, null) < -0.2, $"{ErrorAtTenPercent(reports, null)}");
    }

    [Fact]
    public void When_the_parts_slow_down_unevenly_the_ETA_at_10_percent_stays_within_25_percent()
    {
        var tasks = Quick.Tasks(SuiteStage.Final);
        // Updates 2.4×, probes 2×, Jacobians 3× slower than the check predicted (the load shifts during a run).
        var reports = Simulate(tasks, spec => Scaled(Check.Work(spec), 2.4, 2.0, 3.0));
        double error = ErrorAtTenPercent(reports, new SuiteWork(tasks, Quick.SelectionUpdates, Check.Work));
        Assert.InRange(error, -0.25, 0.25);
        Assert.True(ErrorAtTenPercent(reports, null) < -0.2, $"{ErrorAtTenPercent(reports, null)}");
    }

    [Fact]
    public void An_event_counts_once_training_resumes_after_it()
    {
        var task = Quick.Tasks(SuiteStage.Final).First(t => t.Spec.JacobianExamples > 0);
        var cost = new SuiteWork([task], Quick.SelectionUpdates, Check.Work);
        var work = Check.Work(task.Spec);
        SuiteProgress At(long step, RunPhase phase) => new(task.Spec.Name, step, task.Updates, "training") { RunStep = step, RunEnd = task.Updates, Phase = phase };
        cost.Report(At(0, RunPhase.Evaluating));
        Assert.Equal(work.Setup, cost.Done, 9);
        cost.Report(At(0, RunPhase.Training));
        cost.Report(At(0, RunPhase.Jacobians));
        Assert.Equal(work.Setup + work.Evaluation, cost.Done, 9); // the Jacobians take minutes: not done yet
        cost.Report(At(0, RunPhase.Training));
        Assert.Equal(work.Through(0), cost.Done, 9);
        cost.Report(At(10, RunPhase.Training));
        Assert.Equal(work.Through(10), cost.Done, 9);
        cost.Report(new SuiteProgress("another-run", 0, 1, "training") { Phase = RunPhase.Training });
        Assert.Equal(work.Through(10), cost.Done, 9);
        cost.Report(At(task.Updates, RunPhase.Evaluating));
        cost.Report(At(task.Updates, RunPhase.Training));
        cost.Report(At(task.Updates, RunPhase.Probing));
        cost.Report(At(task.Updates, RunPhase.Training));
        Assert.Equal(cost.Total, cost.Done, 9);
    }

    [Fact]
    public void With_learning_rate_selection_the_winner_continues_from_the_budget_and_the_total_is_the_prediction()
    {
        var plan = SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Medium });
        List<SuiteTask> tasks = [.. plan.Tasks(SuiteStage.Selection), .. plan.Tasks(SuiteStage.Final)];
        Assert.True(plan.Selects);
        var cost = new SuiteWork(tasks, plan.SelectionUpdates, Check.Work);
        Assert.Equal(Check.Predict(tasks, jobs: 1), cost.Total, 6);
        // The last candidate of a selecting network wins: its final stage starts at the budget with nothing done.
        var winner = tasks.First(t => t.Stage == SuiteStage.Final && t.Instance.Selects).Instance.Candidates[^1];
        var work = Check.Work(winner);
        cost.Report(new SuiteProgress(winner.Name, 0, 1, "training") { RunStep = plan.SelectionUpdates, Phase = RunPhase.Training });
        Assert.Equal(0, cost.Done);
        cost.Report(new SuiteProgress(winner.Name, 0, 1, "training") { RunStep = plan.SelectionUpdates + 1, Phase = RunPhase.Training });
        Assert.Equal(work.Update, cost.Done, 9);
    }

    private static RunWork Scaled(RunWork work, double updates, double probes, double jacobians) => work with
    {
        Setup = work.Setup * updates,
        Update = work.Update * updates,
        Evaluation = work.Evaluation * updates,
        Probe = work.Probe * probes,
        Jacobians = work.Jacobians * jacobians,
    };
}
