using System.Text.Json;
using Glorot.Lab.Runs;
using Glorot.Nn;

namespace Glorot.Lab.Tests.Runs;

public sealed class RunnerLsuvTests
{
    [Fact]
    public void Lsuv_run_records_every_rescaling_and_starts_at_unit_layer_variance()
    {
        using var temp = new TempDirectory();
        var spec = TinySpecs.Tanh(20) with { Init = RunInit.Parse("lsuv"), LsuvBatch = 64 };
        var result = Runner.Run(spec, temp.Path);
        Assert.Equal(RunStatus.Completed, result.Status);
        var dir = new RunDirectory(temp.Path);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.Lsuv));
        var record = json.RootElement.GetProperty("record");
        Assert.Equal(64, record.GetProperty("examples").GetInt32());
        Assert.Equal(3, record.GetProperty("final_variances").GetArrayLength());   // two hidden layers and the softmax layer
        Assert.All(record.GetProperty("final_variances").EnumerateArray(), v => Assert.InRange(v.GetDouble(), 0.9, 1.1));
        Assert.True(record.GetProperty("steps").GetArrayLength() >= 3);
        Assert.Equal("orthogonal", json.RootElement.GetProperty("pre_initialization").GetString());
    }

    [Fact]
    public void Lsuv_settings_round_trip_and_other_specs_keep_their_bytes()
    {
        var spec = TinySpecs.Tanh() with { Init = RunInit.Parse("lsuv"), LsuvBatch = 100, LsuvTolerance = 0.05, LsuvIterations = 4 };
        Assert.Equal(new LsuvOptions(100, 0.05, 4), RunSpecJson.Parse(RunSpecJson.Serialize(spec)).LsuvOptions());
        Assert.DoesNotContain("lsuv", RunSpecJson.Serialize(TinySpecs.Tanh()));
    }

    [Fact]
    public void Lsuv_batch_larger_than_the_training_split_is_refused_in_one_line()
    {
        // An MNIST-layout set whose training split keeps 20 examples once the 10 000 of validation are set aside.
        using var temp = new TempDirectory();
        var random = new System.Random(3);
        void Pair(string stem, int count)
        {
            var pixels = new byte[count * 28 * 28];
            random.NextBytes(pixels);
            Glorot.Data.IdxFile.Write(Path.Combine(temp.Path, $"{stem}-images-idx3-ubyte"), new Glorot.Data.IdxArray([count, 28, 28], pixels));
            Glorot.Data.IdxFile.Write(Path.Combine(temp.Path, $"{stem}-labels-idx1-ubyte"),
                new Glorot.Data.IdxArray([count], [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))]));
        }
        Pair("train", 10_020);
        Pair("t10k", 60);
        var spec = TinySpecs.Tanh(20) with { Dataset = "mnist", DataPath = temp.Path, Init = RunInit.Parse("lsuv"), LsuvBatch = 500 };
        var error = Assert.Throws<ArgumentException>(() => Runner.Run(spec, Path.Combine(temp.Path, "run")));
        Assert.Equal("lsuv_batch 500 is more than the 20 training examples of mnist; give lsuv_batch ≤ 20.", error.Message);
    }

    [Theory]
    [InlineData(0, null, null, "lsuv_batch")]
    [InlineData(null, -0.1, null, "lsuv_tolerance")]
    [InlineData(null, null, 0, "lsuv_iterations")]
    public void Bad_lsuv_settings_are_refused(int? batch, double? tolerance, int? iterations, string key)
    {
        var spec = TinySpecs.Tanh() with { Init = RunInit.Parse("lsuv"), LsuvBatch = batch, LsuvTolerance = tolerance, LsuvIterations = iterations };
        Assert.Contains(key, Assert.Throws<ArgumentException>(() => RunSpecJson.Validate(spec)).Message);
        Assert.Contains("go with init \"lsuv\"", Assert.Throws<ArgumentException>(() => RunSpecJson.Validate(TinySpecs.Tanh() with { LsuvBatch = 10 })).Message);
    }
}
