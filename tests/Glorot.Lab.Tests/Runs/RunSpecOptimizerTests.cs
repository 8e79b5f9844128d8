using Glorot.Lab.Runs;
using Glorot.Nn;

namespace Glorot.Lab.Tests.Runs;

/// <summary>The optimizer settings of a run spec: recorded in spec.json only when set, checked, and resumed bit for bit.</summary>
public sealed class RunSpecOptimizerTests
{
    // Every key a spec wrote before the optimizer settings existed, in order: a spec that does not set them must
    // serialize to exactly these keys, so its spec.json and digest (and the suites' protocol digests) stay the same.
    private static readonly string[] KeysBefore =
    [
        "name", "dataset", "data_path", "input_scaling", "hidden", "activation", "init", "init_gain", "init_nonlinearity",
        "output_init", "learning_rate", "batch_size", "updates", "evaluate_every", "evaluation_examples", "probe_every",
        "probe_examples", "weight_gradient_examples", "jacobian_examples", "histogram_bins", "checkpoint_every", "seed",
    ];

    private static RunSpec Everything(long updates) => TinySpecs.Tanh(updates) with
    {
        Momentum = 0.9, Nesterov = true, WeightDecay = 1e-3, ClipGlobalNorm = 5, ClipValue = 0.5,
        LrSchedule = "cosine", LrCosineUpdates = 60, LrMin = 0.001,
    };

    [Fact]
    public void A_spec_without_optimizer_settings_writes_the_keys_it_always_wrote()
    {
        var keys = System.Text.Json.JsonDocument.Parse(RunSpecJson.Serialize(new RunSpec())).RootElement.EnumerateObject().Select(p => p.Name);
        Assert.Equal(KeysBefore, keys);
    }

    [Fact]
    public void An_old_spec_loads_as_plain_sgd_at_a_constant_rate()
    {
        var spec = RunSpecJson.Parse("""{ "name": "old", "hidden": [8], "learning_rate": 0.1 }""");
        var sgd = spec.Optimizer();
        Assert.Equal(0f, sgd.Momentum);
        Assert.False(sgd.Nesterov);
        Assert.Equal(0f, sgd.WeightDecay);
        Assert.Null(sgd.ClipGlobalNorm);
        Assert.Null(sgd.ClipValue);
        Assert.Same(LearningRateSchedule.Constant, sgd.Schedule);
        Assert.True(sgd.CanFuseUpdate);
    }

    [Fact]
    public void Optimizer_settings_round_trip_through_spec_json()
    {
        var spec = Everything(60) with { LrSchedule = "step", LrCosineUpdates = null, LrMin = null, LrStepEvery = 10, LrGamma = 0.5 };
        string json = RunSpecJson.Serialize(spec);
        foreach (var key in new[] { "\"momentum\": 0.9", "\"nesterov\": true", "\"weight_decay\": 0.001", "\"clip_global_norm\": 5",
                     "\"clip_value\": 0.5", "\"lr_schedule\": \"step\"", "\"lr_step_every\": 10", "\"lr_gamma\": 0.5" })
            Assert.Contains(key, json);
        Assert.Equal(json, RunSpecJson.Serialize(RunSpecJson.Parse(json)));
        Assert.Equal(0.05f * 0.25f, spec.Optimizer().LearningRateAt(25));
    }

    [Theory]
    [InlineData("\"momentum\": 1", "momentum 1 must be in [0, 1)")]
    [InlineData("\"nesterov\": true", "Nesterov momentum needs a momentum above 0")]
    [InlineData("\"weight_decay\": -1", "weight_decay -1 must be finite and non-negative")]
    [InlineData("\"clip_value\": 0", "clip_value 0 must be finite and positive")]
    [InlineData("\"clip_global_norm\": -2", "clip_global_norm -2 must be finite and positive")]
    [InlineData("\"lr_schedule\": \"linear\"", "lr_schedule 'linear' is unknown; use constant, step or cosine")]
    [InlineData("\"lr_schedule\": \"step\"", "lr_schedule step needs lr_step_every")]
    [InlineData("\"lr_schedule\": \"step\", \"lr_step_every\": 0", "the interval 0 must be a positive number")]
    [InlineData("\"lr_schedule\": \"step\", \"lr_step_every\": 5, \"lr_gamma\": 2", "gamma 2 must be in (0, 1]")]
    [InlineData("\"lr_schedule\": \"cosine\", \"lr_min\": 1", "the minimum rate 1 must be in [0, 0.1")]
    [InlineData("\"lr_schedule\": \"cosine\", \"lr_step_every\": 5", "lr_step_every does not apply to lr_schedule cosine")]
    [InlineData("\"lr_gamma\": 0.5", "lr_gamma does not apply to lr_schedule constant")]
    public void Bad_optimizer_settings_are_refused_by_name(string setting, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => RunSpecJson.Parse($$"""{ "hidden": [8], "learning_rate": 0.1, {{setting}} }"""));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void A_run_with_momentum_nesterov_clipping_and_a_cosine_schedule_resumes_bit_identically()
    {
        using var temp = new TempDirectory();
        var straight = Runner.Run(Everything(60), temp.Sub("straight"));
        Assert.Equal(RunStatus.Completed, straight.Status);
        // 30 is half-way and not a scheduled checkpoint (every 25): the pause writes its own, momentum included.
        var paused = Runner.Run(Everything(60), temp.Sub("paused"), new RunOptions { StopAt = 30 });
        Assert.Equal(RunStatus.Paused, paused.Status);
        Assert.True(File.Exists(Path.Combine(Runner.LatestCheckpoint(paused.Directory)!, SgdCheckpoint.FileName(0, bias: false))));
        var resumed = Runner.Run(Everything(60), temp.Sub("paused"), new RunOptions { Resume = true });
        Assert.Equal(RunStatus.Completed, resumed.Status);
        var a = MlpCheckpoint.Load(Runner.LatestCheckpoint(straight.Directory)!);
        var b = MlpCheckpoint.Load(Runner.LatestCheckpoint(resumed.Directory)!);
        Assert.True(a.CopyParameters().SequenceEqual(b.CopyParameters()), "weights differ after the pause");
        foreach (var file in new[] { "metrics.csv", "probe_summary.csv", "spec.json" })
            Assert.Equal(File.ReadAllText(Path.Combine(straight.Directory.Root, file)), File.ReadAllText(Path.Combine(resumed.Directory.Root, file)));
    }

    [Fact]
    public void The_resume_test_has_power_a_lost_momentum_buffer_changes_the_bits()
    {
        using var temp = new TempDirectory();
        var straight = Runner.Run(Everything(60), temp.Sub("straight"));
        var paused = Runner.Run(Everything(60), temp.Sub("paused"), new RunOptions { StopAt = 30 });
        string checkpoint = Runner.LatestCheckpoint(paused.Directory)!;
        // Zero the buffers, as a resume that forgot them would: the continuation must differ.
        var mlp = MlpCheckpoint.Load(checkpoint);
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            Glorot.Data.Npy.Write(Path.Combine(checkpoint, SgdCheckpoint.FileName(l, bias: false)), new float[mlp.FanOut(l) * mlp.FanIn(l)], [mlp.FanOut(l), mlp.FanIn(l)]);
            Glorot.Data.Npy.Write(Path.Combine(checkpoint, SgdCheckpoint.FileName(l, bias: true)), new float[mlp.FanOut(l)], [mlp.FanOut(l)]);
        }
        var resumed = Runner.Run(Everything(60), temp.Sub("paused"), new RunOptions { Resume = true });
        var a = MlpCheckpoint.Load(Runner.LatestCheckpoint(straight.Directory)!);
        var b = MlpCheckpoint.Load(Runner.LatestCheckpoint(resumed.Directory)!);
        Assert.False(a.CopyParameters().SequenceEqual(b.CopyParameters()));
    }

    [Fact]
    public void A_checkpoint_without_its_momentum_buffer_is_refused_by_file()
    {
        using var temp = new TempDirectory();
        var paused = Runner.Run(Everything(60), temp.Path, new RunOptions { StopAt = 30 });
        File.Delete(Path.Combine(Runner.LatestCheckpoint(paused.Directory)!, SgdCheckpoint.FileName(1, bias: true)));
        var ex = Assert.Throws<InvalidDataException>(() => Runner.Run(Everything(60), temp.Path, new RunOptions { Resume = true }));
        Assert.Contains("2.bias.momentum_buffer.npy: missing", ex.Message);
    }

    [Fact]
    public void Extending_a_cosine_run_needs_its_period_kept()
    {
        using var temp = new TempDirectory();
        var cosine = TinySpecs.Tanh(40) with { LrSchedule = "cosine" };
        Runner.Run(cosine, temp.Path);
        var ex = Assert.Throws<ArgumentException>(() => Runner.Run(cosine with { Updates = 60 }, temp.Path, new RunOptions { Resume = true }));
        Assert.Contains("keep lr_cosine_updates = 40", ex.Message);
        var extended = Runner.Run(cosine with { Updates = 60, LrCosineUpdates = 40 }, temp.Path, new RunOptions { Resume = true });
        Assert.Equal(RunStatus.Completed, extended.Status);
        Assert.Equal(60, extended.Steps);
    }
}
