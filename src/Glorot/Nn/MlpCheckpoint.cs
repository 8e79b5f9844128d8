using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Glorot.Data;

namespace Glorot.Nn;

/// <summary>
/// Saves and loads an <see cref="Mlp"/> as a directory of .npy files (float32, C order, one per tensor) named
/// as the state_dict of the PyTorch module
/// <c>nn.Sequential(nn.Linear(n₀, n₁), Act(), nn.Linear(n₁, n₂), Act(), …, nn.Linear(n_{L−1}, n_L))</c>:
/// dense layer l is module 2l, so its files are <c>{2l}.weight.npy</c> (out × in) and <c>{2l}.bias.npy</c> (out).
/// <c>mlp.json</c> beside them records the widths and the activation.
/// </summary>
/// <example>
/// In Python: <c>model.load_state_dict({k: torch.from_numpy(np.load(f"{d}/{k}.npy")) for k in model.state_dict()})</c>.
/// </example>
public static class MlpCheckpoint
{
    /// <summary>The name of the description file.</summary>
    public const string DescriptionFile = "mlp.json";

    /// <summary>The state_dict key prefix of dense layer <paramref name="layer"/>: <c>{2·layer}</c>.</summary>
    public static string ModuleName(int layer) => (2 * layer).ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes mlp.json and the weight and bias files into <paramref name="directory"/> (created if needed).</summary>
    public static void Save(Mlp mlp, string directory)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        Directory.CreateDirectory(directory);
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            Npy.Write(Path.Combine(directory, ModuleName(l) + ".weight.npy"), mlp.CopyWeight(l), [mlp.FanOut(l), mlp.FanIn(l)]);
            Npy.Write(Path.Combine(directory, ModuleName(l) + ".bias.npy"), mlp.Bias(l), [mlp.FanOut(l)]);
        }
        var description = new JsonObject
        {
            ["format"] = "glorot-mlp/1",
            ["widths"] = new JsonArray([.. mlp.Widths.Select(w => (JsonNode)w)]),
            ["activation"] = mlp.HiddenActivation.ToString(),
            ["naming"] = "torch.nn.Sequential: dense layer l is module 2l ({2l}.weight, {2l}.bias)",
        };
        IO.AtomicFile.WriteAllText(Path.Combine(directory, DescriptionFile),
            description.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Reads a network written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">mlp.json or a tensor file is missing, malformed or of the wrong shape.</exception>
    public static Mlp Load(string directory)
    {
        string path = Path.Combine(directory, DescriptionFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file; is {directory} a saved MLP?", path);
        int[] widths;
        Activation activation;
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path))
                       ?? throw new InvalidDataException($"{path}: empty description.");
            widths = json["widths"]?.AsArray().Select(n => n!.GetValue<int>()).ToArray()
                     ?? throw new InvalidDataException($"{path}: lacks \"widths\".");
            string name = json["activation"]?.GetValue<string>()
                          ?? throw new InvalidDataException($"{path}: lacks \"activation\".");
            activation = Activation.Parse(name);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new InvalidDataException($"{path}: not a valid MLP description ({ex.Message}).", ex);
        }
        Mlp mlp;
        try
        {
            mlp = new Mlp(widths, activation);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
        LoadParameters(mlp, directory);
        return mlp;
    }

    /// <summary>Reads the weight and bias files of <paramref name="directory"/> into an existing network of the same shape.</summary>
    public static void LoadParameters(Mlp mlp, string directory)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            mlp.SetWeight(l, Npy.ReadSingles(Path.Combine(directory, ModuleName(l) + ".weight.npy"), [mlp.FanOut(l), mlp.FanIn(l)]));
            mlp.SetBias(l, Npy.ReadSingles(Path.Combine(directory, ModuleName(l) + ".bias.npy"), [mlp.FanOut(l)]));
        }
    }
}
