using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Runs;

/// <summary>
/// <see cref="Runner.Prepare"/> refuses what the caller asked before the directory changes; <see cref="PreparedRun.Train"/>
/// does the work (issue 8, point 9: a refusal of the input and a failure of the work are told apart).
/// </summary>
public sealed class PreparedRunTests
{
    [Fact]
    public void Prepare_writes_nothing_but_the_lock_and_Train_gives_the_run_Run_gives()
    {
        using var temp = new TempDirectory();
        var spec = TinySpecs.Tanh();
        RunResult trained;
        using (var run = Runner.Prepare(spec, temp.Sub("prepared")))
        {
            Assert.False(run.Resumes);
            Assert.Equal([RunLock.FileName], Directory.GetFileSystemEntries(temp.Sub("prepared")).Select(Path.GetFileName));
            trained = run.Train();
            Assert.Throws<InvalidOperationException>(() => run.Train());
        }
        var direct = Runner.Run(spec, temp.Sub("direct"));
        Assert.Equal(direct.Steps, trained.Steps);
        Assert.Equal(direct.FinalTestError, trained.FinalTestError);
        Assert.Equal(File.ReadAllText(new RunDirectory(temp.Sub("direct")).Metrics), File.ReadAllText(new RunDirectory(temp.Sub("prepared")).Metrics));
    }

    [Fact]
    public void Prepare_refuses_a_run_already_there_and_a_resume_past_its_checkpoint_without_changing_it()
    {
        using var temp = new TempDirectory();
        var spec = TinySpecs.Tanh();
        Runner.Run(spec, temp.Path);
        var dir = new RunDirectory(temp.Path);
        string metrics = File.ReadAllText(dir.Metrics);

        var again = Assert.Throws<ArgumentException>(() => Runner.Prepare(spec, temp.Path));
        Assert.Contains("already holds a run", again.Message);
        // The checkpoint is at update 60: a resume to 50 would discard results.
        var shorter = Assert.Throws<ArgumentException>(() => Runner.Prepare(spec with { Updates = 50 }, temp.Path, new RunOptions { Resume = true }));
        Assert.Contains("past the spec's updates", shorter.Message);
        Assert.Equal(metrics, File.ReadAllText(dir.Metrics));
        // The lock was released with each refusal.
        using var resumed = Runner.Prepare(spec with { Updates = 70 }, temp.Path, new RunOptions { Resume = true });
        Assert.True(resumed.Resumes);
    }

    [Fact]
    public void A_start_over_refused_for_its_lsuv_batch_keeps_the_run_that_was_there()
    {
        using var temp = new TempDirectory();
        string data = temp.Sub("mnist");
        Directory.CreateDirectory(data);
        // An MNIST-layout set whose training split keeps 20 examples once the 10 000 of validation are set aside.
        var random = new System.Random(3);
        void Pair(string stem, int count)
        {
            var pixels = new byte[count * 28 * 28];
            random.NextBytes(pixels);
            Glorot.Data.IdxFile.Write(Path.Combine(data, $"{stem}-images-idx3-ubyte"), new Glorot.Data.IdxArray([count, 28, 28], pixels));
            Glorot.Data.IdxFile.Write(Path.Combine(data, $"{stem}-labels-idx1-ubyte"),
                new Glorot.Data.IdxArray([count], [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))]));
        }
        Pair("train", 10_020);
        Pair("t10k", 60);
        var spec = TinySpecs.Tanh(20) with { Dataset = "mnist", DataPath = data, CheckpointEvery = 10, EvaluateEvery = 10, ProbeEvery = 10 };
        string run = temp.Sub("run");
        Runner.Run(spec, run, new RunOptions { KeepCheckpoints = true });
        var dir = new RunDirectory(run);
        string[] checkpoints = Directory.GetDirectories(dir.Checkpoints);

        var lsuv = spec with { Init = RunInit.Parse("lsuv"), LsuvBatch = 500 };
        var error = Assert.Throws<ArgumentException>(() => Runner.Prepare(lsuv, run, new RunOptions { Force = true }));
        Assert.StartsWith("lsuv_batch 500 is more than the 20 training examples", error.Message);
        Assert.Equal(checkpoints, Directory.GetDirectories(dir.Checkpoints));
        Assert.Equal(RunSpecJson.Serialize(spec), File.ReadAllText(dir.Spec));
    }

    [Fact]
    public void A_start_over_whose_scheme_refuses_the_layers_keeps_the_run_that_was_there()
    {
        // dirac fills convolution kernels (3 to 5 dimensions), not a dense layer's matrix: the spec reads, the fill refuses.
        using var temp = new TempDirectory();
        var spec = TinySpecs.Tanh();
        Runner.Run(spec, temp.Path);
        var dir = new RunDirectory(temp.Path);
        string[] checkpoints = Directory.GetDirectories(dir.Checkpoints);
        string metrics = File.ReadAllText(dir.Metrics);

        var dirac = spec with { Init = RunInit.Parse("dirac") };
        Assert.Throws<ArgumentException>(() => Runner.Prepare(dirac, temp.Path, new RunOptions { Force = true }));
        Assert.Equal(checkpoints, Directory.GetDirectories(dir.Checkpoints));
        Assert.Equal(metrics, File.ReadAllText(dir.Metrics));
        Assert.Equal(RunSpecJson.Serialize(spec), File.ReadAllText(dir.Spec));
    }
}
