using Glorot.Data;

namespace Glorot.Nn;

/// <summary>
/// The optimizer state of an <see cref="SgdTrainer"/> beside an <see cref="MlpCheckpoint"/>: with momentum, the
/// buffer v of every parameter as <c>{2l}.weight.momentum_buffer.npy</c> (out × in) and
/// <c>{2l}.bias.momentum_buffer.npy</c> (out), named as torch.optim.SGD's state["momentum_buffer"] of the
/// state_dict key. Plain SGD has no state and writes nothing; the step count is the caller's to keep.
/// </summary>
public static class SgdCheckpoint
{
    /// <summary>The file of layer <paramref name="layer"/>'s weight (<paramref name="bias"/> false) or bias buffer.</summary>
    public static string FileName(int layer, bool bias) =>
        $"{MlpCheckpoint.ModuleName(layer)}.{(bias ? "bias" : "weight")}.momentum_buffer.npy";

    /// <summary>Writes the momentum buffers into <paramref name="directory"/> (nothing without momentum).</summary>
    public static void Save(SgdTrainer trainer, string directory)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        if (!trainer.HasMomentum) return;
        var mlp = trainer.Model;
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            var weight = new float[mlp.FanOut(l) * mlp.FanIn(l)];
            var bias = new float[mlp.FanOut(l)];
            trainer.CopyMomentum(l, weight, bias);
            Npy.Write(Path.Combine(directory, FileName(l, bias: false)), weight, [mlp.FanOut(l), mlp.FanIn(l)]);
            Npy.Write(Path.Combine(directory, FileName(l, bias: true)), bias, [mlp.FanOut(l)]);
        }
    }

    /// <summary>Reads the momentum buffers written by <see cref="Save"/> into the trainer (nothing without momentum).</summary>
    /// <exception cref="InvalidDataException">A buffer file is missing, malformed, of the wrong shape or not finite.</exception>
    public static void Load(SgdTrainer trainer, string directory)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        if (!trainer.HasMomentum) return;
        var mlp = trainer.Model;
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            var weight = Read(directory, FileName(l, bias: false), [mlp.FanOut(l), mlp.FanIn(l)]);
            var bias = Read(directory, FileName(l, bias: true), [mlp.FanOut(l)]);
            trainer.SetMomentum(l, weight, bias);
        }
    }

    private static float[] Read(string directory, string name, int[] shape)
    {
        string path = Path.Combine(directory, name);
        if (!File.Exists(path))
            throw new InvalidDataException($"{path}: missing; the checkpoint holds no momentum buffer (was it written by a run without momentum?).");
        var values = Npy.ReadSingles(path, shape);
        foreach (float v in values)
            if (!float.IsFinite(v)) throw new InvalidDataException($"{path}: holds non-finite momentum values.");
        return values;
    }
}
