using System.Text.Json;
using Glorot.Lab.Runs;
using Glorot.Nn;

namespace Glorot.Lab.Tests.Runs;

/// <summary>
/// One convention for where a run diverged, whichever check caught it: updates counted from 1, layers named as in
/// the paper (1 = the first hidden layer, "output" = the softmax layer), stated in the message and divergence.json.
/// </summary>
public sealed class RunDivergenceTests
{
    // A rate of 1e30 makes the weights overflow float within a few updates.
    private static RunSpec Diverging(long probeEvery, long checkpointEvery) => TinySpecs.Tanh(200) with
    {
        LearningRate = 1e30, CheckpointEvery = checkpointEvery, EvaluateEvery = 1000, ProbeEvery = probeEvery,
    };

    [Theory]
    [InlineData(1000, 1000, "during update")]                   // caught by the trainer inside the step
    [InlineData(1, 1000, "the probe examples")]                 // caught by the probe after the update
    [InlineData(1000, 1, "the weights or biases are not finite")] // caught by the check before a checkpoint
    public void The_failed_update_and_layer_follow_one_convention_on_every_path(long probeEvery, long checkpointEvery, string path)
    {
        using var temp = new TempDirectory();
        var result = Runner.Run(Diverging(probeEvery, checkpointEvery), temp.Path);
        Assert.Equal(RunStatus.Diverged, result.Status);
        var d = result.Divergence!;
        Assert.Contains(path, d.Message);
        Assert.StartsWith($"training diverged at update {d.FailedUpdate}:", d.Message);
        var when = System.Text.RegularExpressions.Regex.Match(d.Message, @"(during|after) update (\d+)");
        Assert.True(when.Success, d.Message);
        Assert.Equal(d.FailedUpdate, long.Parse(when.Groups[2].Value));
        Assert.Contains(DivergenceInfo.Convention, d.Message);
        Assert.Contains($"first non-finite layer: {d.Layer ?? "none (only the loss)"}", d.Message);
        Assert.True(d.Layer is null or DivergenceInfo.OutputLayer || int.Parse(d.Layer) is >= 1 and <= 2, d.Layer);

        var json = JsonDocument.Parse(File.ReadAllText(result.Directory.Divergence)).RootElement;
        Assert.Equal(d.FailedUpdate, json.GetProperty("failed_update").GetInt64());
        Assert.Equal(d.Message, json.GetProperty("message").GetString());
        Assert.Equal(DivergenceInfo.Convention, json.GetProperty("numbering").GetString());
        Assert.Equal(d.LastCheckpointStep, json.GetProperty("last_checkpoint_step").GetInt64());

        // The checkpoint it calls good is there, precedes the failure, and holds only finite weights.
        Assert.Contains($"the last good checkpoint is at update {d.LastCheckpointStep}", d.Message);
        Assert.True(d.LastCheckpointStep < d.FailedUpdate);
        Assert.EndsWith($"step-{d.LastCheckpointStep:D9}", Runner.LatestCheckpoint(result.Directory));
        foreach (float w in MlpCheckpoint.Load(Runner.LatestCheckpoint(result.Directory)!).CopyParameters())
            Assert.True(float.IsFinite(w));
        // run.json counts the updates that completed: those before the failed one.
        Assert.Equal(d.FailedUpdate - 1, result.Steps);
    }

    [Theory]
    [InlineData(0, 3, "1")]
    [InlineData(1, 3, "2")]
    [InlineData(2, 3, "output")]
    [InlineData(-1, 3, null)]
    public void Dense_layers_are_named_by_the_papers_hidden_layer_numbers(int denseLayer, int layerCount, string? expected) =>
        Assert.Equal(expected, DivergenceInfo.LayerName(denseLayer, layerCount));
}
