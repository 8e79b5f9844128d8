using Glorot.Data;
using Glorot.Nn;

namespace Glorot.Tests.Nn;

public sealed class MlpCheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mlp").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Save_then_Load_gives_the_same_network_bit_for_bit()
    {
        var mlp = new Mlp([6, 5, 4, 3], Activation.LeakyRelu(0.2), WeightFills.Normalized, seed: 9);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.1f }, 2);
        trainer.Step(new float[12].Select((_, i) => i * 0.1f).ToArray(), [0, 2]);
        MlpCheckpoint.Save(mlp, _dir);
        var loaded = MlpCheckpoint.Load(_dir);
        Assert.Equal(mlp.Widths, loaded.Widths);
        Assert.Equal(mlp.HiddenActivation, loaded.HiddenActivation);
        Assert.Equal(mlp.CopyParameters(), loaded.CopyParameters());
    }

    [Fact]
    public void Files_follow_torch_nn_Sequential_naming_and_shapes()
    {
        var mlp = new Mlp([6, 5, 3], Activation.Tanh, WeightFills.Normalized, seed: 1);
        MlpCheckpoint.Save(mlp, _dir);
        Assert.Equal([5, 6], Npy.Read(Path.Combine(_dir, "0.weight.npy")).Shape);
        Assert.Equal([5], Npy.Read(Path.Combine(_dir, "0.bias.npy")).Shape);
        Assert.Equal([3, 5], Npy.Read(Path.Combine(_dir, "2.weight.npy")).Shape);
        Assert.Equal(mlp.CopyWeight(1), Npy.Read(Path.Combine(_dir, "2.weight.npy")).Singles);
    }

    [Fact]
    public void A_tensor_of_the_wrong_shape_is_rejected_by_file_name()
    {
        MlpCheckpoint.Save(new Mlp([6, 5, 3], Activation.Tanh), _dir);
        Npy.Write(Path.Combine(_dir, "2.weight.npy"), new float[15], [5, 3]);
        var ex = Assert.Throws<InvalidDataException>(() => MlpCheckpoint.Load(_dir));
        Assert.Contains("2.weight.npy", ex.Message);
    }

    [Fact]
    public void A_corrupt_description_or_missing_directory_is_reported()
    {
        Assert.Throws<FileNotFoundException>(() => MlpCheckpoint.Load(Path.Combine(_dir, "nothing")));
        MlpCheckpoint.Save(new Mlp([6, 5, 3], Activation.Tanh), _dir);
        File.WriteAllText(Path.Combine(_dir, MlpCheckpoint.DescriptionFile), "{\"widths\": [6, 5, 3], \"activation\": \"swish\"}");
        Assert.Contains("swish", Assert.Throws<InvalidDataException>(() => MlpCheckpoint.Load(_dir)).Message);
        File.WriteAllText(Path.Combine(_dir, MlpCheckpoint.DescriptionFile), "{\"widths\": [6, 5,");
        Assert.Throws<InvalidDataException>(() => MlpCheckpoint.Load(_dir));
        File.WriteAllText(Path.Combine(_dir, MlpCheckpoint.DescriptionFile), "{\"widths\": [6, 0, 3], \"activation\": \"tanh\"}");
        Assert.Throws<InvalidDataException>(() => MlpCheckpoint.Load(_dir));
    }
}
