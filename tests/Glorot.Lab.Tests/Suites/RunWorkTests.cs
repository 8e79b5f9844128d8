using Glorot.Lab.Runs;
using Glorot.Lab.Suites;

namespace Glorot.Lab.Tests.Suites;

public sealed class RunWorkTests
{
    // 1,050 updates: evaluations every 100 and probes every 250 (RunTraining.Observe: at 0, every k, and at the last update).
    private static readonly RunWork Work = new(Setup: 0.5, Update: 0.01, Evaluation: 0.3, EvaluateEvery: 100, Probe: 2, ProbeEvery: 250, Jacobians: 40, Updates: 1_050);

    // The definition: walk the run's updates as RunTraining does and add each cost as it falls.
    private static double Walked(RunWork w, long through)
    {
        double seconds = w.Setup + w.Jacobians;
        for (long step = 0; step <= through; step++)
        {
            if (step > 0) seconds += w.Update;
            if (step % w.EvaluateEvery == 0 || step == w.Updates) seconds += w.Evaluation;
            if (step % w.ProbeEvery == 0 || step == w.Updates) seconds += w.Probe;
        }
        return seconds;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(250)]
    [InlineData(1_000)]
    [InlineData(1_049)]
    [InlineData(1_050)] // the last update: an evaluation and a probe off the grid
    public void Work_through_a_step_is_every_cost_walked_up_to_it(long step) =>
        Assert.Equal(Walked(Work, step), Work.Through(step), 9);

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(100, 0.3, 0)]
    [InlineData(500, 0.3, 2)]
    [InlineData(1_050, 0.3, 2)]
    public void The_events_at_a_step_are_what_it_adds_beyond_its_update(long step, double evaluation, double probe)
    {
        Assert.Equal(evaluation, Work.At(step, RunPhase.Evaluating), 12);
        Assert.Equal(probe, Work.At(step, RunPhase.Probing), 12);
        Assert.Equal(Work.Through(step) - Work.Through(step - 1) - Work.Update, Work.AllAt(step), 9);
    }

    [Fact]
    public void Update_0_carries_the_Jacobians_with_its_probe()
    {
        Assert.Equal(42, Work.At(0, RunPhase.Jacobians), 12);
        Assert.Equal(42.3, Work.AllAt(0), 12);
        Assert.Equal(Work.Through(0) - Work.Setup, Work.AllAt(0), 12);
        Assert.Equal(0, Work.At(250, RunPhase.Jacobians));
        Assert.Equal(0, Work.At(0, RunPhase.Checkpoint));
        // Without Jacobians update 0 holds a plain probe.
        var plain = Work with { Jacobians = 0 };
        Assert.Equal(2.3, plain.AllAt(0), 12);
    }

    [Fact]
    public void The_speed_checks_work_is_its_prediction_run_by_run()
    {
        var check = new SpeedCheck(2e-5, 1e9, 3e-4, 5e-3, 0.7, 12, 4e4, Threads: 1, Cores: 4, Load: null, VectorPath: "test");
        var plan = SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Tiny });
        var tasks = plan.Tasks(SuiteStage.Final);
        Assert.Contains(tasks, t => t.Spec.JacobianExamples > 0);
        Assert.Contains(tasks, t => t.Spec.JacobianExamples == 0);
        foreach (var task in tasks)
        {
            var work = check.Work(task.Spec);
            Assert.Equal(task.Spec.Updates, work.Updates);
            Assert.Equal(task.Spec.JacobianExamples > 0, work.Jacobians > 0);
            // A task that continues a selected candidate counts from the selection budget.
            long from = task.Spec.Updates - task.Updates;
            Assert.Equal(check.Predict([task], jobs: 1), work.Through(task.Spec.Updates) - (from == 0 ? 0 : work.Through(from)), 9);
        }
    }
}
