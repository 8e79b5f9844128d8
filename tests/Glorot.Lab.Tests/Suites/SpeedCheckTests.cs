using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Suites;

public sealed class SpeedCheckTests
{
    [Fact]
    public void A_short_check_on_a_small_spec_measures_sane_rates()
    {
        var check = SpeedCheck.Measure(TinySpecs.Tanh(), threads: 1, seconds: 0.3);
        // A 32×32 Shapeset image renders in microseconds to a millisecond; a 16-wide MLP step runs at MFLOP/s to
        // hundreds of GFLOP/s depending on the machine and its load: the bounds catch unit and sign mistakes only.
        Assert.InRange(check.SecondsPerExample, 1e-8, 1e-2);
        Assert.InRange(check.FlopsPerSecond, 1e5, 1e13);
        Assert.InRange(check.SecondsPerProbeExample, 1e-9, 1);
        Assert.InRange(check.SecondsPerWeightGradient, 0, 1);
        Assert.InRange(check.SecondsPerJacobian, 1e-9, 10);
        Assert.Equal(16, check.Width);
        Assert.Equal(1, check.Threads);
        Assert.Equal(Environment.ProcessorCount, check.Cores);
        Assert.False(string.IsNullOrWhiteSpace(check.VectorPath));
        Assert.Contains("GFLOP/s", check.Describe());
        var tasks = SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Tiny }).Tasks(SuiteStage.Final);
        double predicted = check.Predict(tasks, jobs: 1);
        Assert.True(double.IsFinite(predicted) && predicted > 0, $"predicted {predicted} s");
    }

    [Fact]
    public void The_prediction_is_its_formula_and_jobs_divide_it_up_to_the_cores()
    {
        var tasks = SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Tiny }).Tasks(SuiteStage.Final);
        Assert.Contains(tasks, t => t.Spec.JacobianExamples > 0);
        const double perExample = 2e-5, flops = 1e9, perProbeExample = 3e-4, perGradient = 5e-3, jacobian = 0.7, flopPerExample = 4e4;
        const int width = 12;
        var check = new SpeedCheck(perExample, flops, perProbeExample, perGradient, jacobian, width, flopPerExample, Threads: 1, Cores: 4, Load: null, VectorPath: "test");
        double expected = 0;
        foreach (var task in tasks)
        {
            var s = task.Spec;
            double update = SuiteCost.FlopPerUpdate(s), forward = update / s.BatchSize / 3;
            double flop = task.Updates * update + (task.Updates / s.EvaluateEvery + 1) * 2.0 * s.EvaluationExamples * forward;
            double examples = task.Updates * s.BatchSize + 2.0 * s.EvaluationExamples + s.ProbeExamples;
            double probe = update / s.BatchSize / flopPerExample * (s.ProbeExamples * perProbeExample + s.WeightGradientExamples * perGradient);
            double jacobians = s.JacobianExamples * s.Hidden.Length * jacobian * Math.Pow(s.Hidden.Max() / (double)width, 3);
            expected += examples * perExample + flop / flops + (task.Updates / s.ProbeEvery + 1) * probe + jacobians;
        }
        Assert.Equal(expected, check.Predict(tasks, jobs: 1), 9);
        Assert.Equal(expected / 2, check.Predict(tasks, jobs: 2), 9);
        Assert.Equal(expected / 4, check.Predict(tasks, jobs: 8), 9); // no more at once than 4 cores / 1 thread
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(0.9, false)]
    [InlineData(1.0, false)]
    [InlineData(1.1, true)]
    public void The_machine_is_busy_above_half_its_cores_of_load(double? load, bool busy) =>
        Assert.Equal(busy, new SpeedCheck(1e-5, 1e9, 1e-4, 1e-3, 1, 1000, 1e6, 1, 2, load, "test").Busy);
}
