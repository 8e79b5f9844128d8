using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>
/// What identifies a suite run, written by every invocation (OUT/suite.json, or OUT/manifests/suite.STAGE.shard-I-of-N.json
/// for a part) so that <c>glorot report</c> can check that gathered run directories belong together: the suite,
/// profile, seeds, width, learning-rate grid and selection budget, and a digest of every run spec of the plan.
/// </summary>
public sealed record SuiteManifest(string Suite, string Profile, ulong Seed, int Seeds, int Width, IReadOnlyList<double>? LearningRates,
    long SelectionUpdates, string Protocol)
{
    /// <summary>The folder of the manifests of partial invocations.</summary>
    public const string PartsFolder = "manifests";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>The manifest of <paramref name="plan"/>.</summary>
    public static SuiteManifest Of(SuitePlan plan) => new(Glorot2010Suite.Name, plan.Options.ProfileName, plan.Options.Seed, plan.Options.Seeds,
        plan.Networks[0].Spec.Hidden[0], plan.Options.LearningRates, plan.Selects ? plan.SelectionUpdates : 0, ProtocolDigest(plan))
    {
        Dataset = plan.Options.Dataset.IsShapeset ? null : plan.Options.Dataset.Name,
        DataPath = plan.Options.Dataset.Path,
    };

    /// <summary>SHA-256 (first 16 hex digits) over every run's name and spec digest, in plan order.</summary>
    public static string ProtocolDigest(SuitePlan plan) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join("\n", plan.AllRuns.Select(r => r.Name + " " + SuiteCost.Digest(r))))))[..16];

    /// <summary>The data set's catalog name; written only when not Shapeset, so Shapeset manifests keep their bytes.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Dataset { get; init; }

    /// <summary>The data set's directory (null for Shapeset).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? DataPath { get; init; }

    /// <summary>The options that rebuild the plan (profile, seeds, width, grid, data set).</summary>
    public SuiteOptions Options()
    {
        var profile = Enum.TryParse<SuiteProfile>(Profile, ignoreCase: true, out var p) ? p
            : throw new InvalidDataException($"Unknown profile '{Profile}' in a suite manifest.");
        // The report draws from the run directories only, so the data files need not be here: the data set is named, not checked.
        var data = SuiteDataset.Named(Dataset ?? "shapeset", DataPath);
        return new SuiteOptions { Profile = profile, Seed = Seed, Seeds = Seeds, Width = Width, LearningRates = LearningRates, Dataset = data };
    }

    /// <summary>The first field in which <paramref name="other"/> differs, as "name: mine vs theirs", or null.</summary>
    public string? Difference(SuiteManifest other)
    {
        static string Grid(IReadOnlyList<double>? g) => g is null ? "the profile's" : string.Join(",", g.Select(LearningRateGrid.Format));
        if (Suite != other.Suite) return $"suite {Suite} vs {other.Suite}";
        if (Profile != other.Profile) return $"profile {Profile} vs {other.Profile}";
        if ((Dataset ?? "shapeset") != (other.Dataset ?? "shapeset")) return $"data set {Dataset ?? "shapeset"} vs {other.Dataset ?? "shapeset"}";
        if (Seed != other.Seed || Seeds != other.Seeds) return $"seeds {Seed}×{Seeds} vs {other.Seed}×{other.Seeds} (first seed × count)";
        if (Width != other.Width) return $"width {Width} vs {other.Width}";
        if (Grid(LearningRates) != Grid(other.LearningRates)) return $"learning rates {Grid(LearningRates)} vs {Grid(other.LearningRates)}";
        if (SelectionUpdates != other.SelectionUpdates) return $"selection budget {SelectionUpdates} vs {other.SelectionUpdates}";
        if (Protocol.Length > 0 && other.Protocol.Length > 0 && Protocol != other.Protocol) return $"protocol digest {Protocol} vs {other.Protocol} (another version of the suite's specs)";
        return null;
    }

    /// <summary>Writes the manifest into <paramref name="outDirectory"/>: suite.json for a whole suite, a named part otherwise.</summary>
    public void Write(string outDirectory, SuiteOptions options, object? extra = null)
    {
        string path = options.IsPartial
            ? Path.Combine(outDirectory, PartsFolder, $"suite.{options.Stage.ToString().ToLowerInvariant()}.shard-{options.Shard?.Index ?? 0}-of-{options.Shard?.Count ?? 1}" +
                (options.Only is { } only ? "." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", only))))[..8] : "") + ".json")
            : Path.Combine(outDirectory, "suite.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var node = JsonSerializer.SerializeToNode(this, Json)!.AsObject();
        if (extra is not null)
            foreach (var (key, value) in JsonSerializer.SerializeToNode(extra, Json)!.AsObject().ToList())
                node[key] = value?.DeepClone();
        Glorot.IO.AtomicFile.WriteAllText(path, node.ToJsonString(Json) + "\n");
    }

    /// <summary>Every manifest in <paramref name="directory"/> (suite.json and the parts), with the file each came from.</summary>
    public static List<(string Path, SuiteManifest Manifest)> ReadAll(string directory)
    {
        var paths = new List<string>();
        if (File.Exists(Path.Combine(directory, "suite.json"))) paths.Add(Path.Combine(directory, "suite.json"));
        if (Directory.Exists(Path.Combine(directory, PartsFolder)))
            paths.AddRange(Directory.GetFiles(Path.Combine(directory, PartsFolder), "suite.*.json").Order(StringComparer.Ordinal));
        return [.. paths.Select(p => (p, Read(p)))];
    }

    private static SuiteManifest Read(string path)
    {
        try
        {
            var m = JsonSerializer.Deserialize<SuiteManifest>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: holds null, not a suite manifest.");
            if (m.Suite is null || m.Profile is null)
                throw new InvalidDataException($"{path}: not a suite manifest (suite or profile missing).");
            // The first suite.json with learning-rate selection (before shards existed) has no protocol digest: the
            // gather then relies on each run's spec digest alone.
            return m with { Protocol = m.Protocol ?? "" };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid suite manifest: {ex.Message}", ex);
        }
    }
}
