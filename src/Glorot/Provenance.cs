using System.Reflection;

namespace Glorot;

/// <summary>
/// How a tensor began: the scheme and its parameters, the fans and gain it used, the distribution it drew from,
/// and the (seed, stream) and generator that drew it — enough to say exactly what the initializer did and to
/// draw the same bits again. Saved as JSON next to the weights (<see cref="WriteBeside(string)"/>): one
/// <c>&lt;name&gt;.init.json</c> per tensor file, so a tensor copied alone keeps its record and no shared
/// manifest has to be rewritten when one tensor changes.
/// </summary>
/// <remarks>
/// A record of the vocabulary, so that a <see cref="Tensor"/> can carry its own without the vocabulary knowing the
/// initializers; an initializer makes one with <c>Initializer.ProvenanceOf</c> (Glorot.Init).
/// </remarks>
/// <param name="Name">The tensor's name ("layer1.weight"), or null.</param>
/// <param name="Shape">The tensor's shape.</param>
/// <param name="Scheme">The scheme's name.</param>
/// <param name="Parameters">The scheme's parameters (<c>Initializer.Parameters()</c>).</param>
/// <param name="Distribution">"uniform", "normal", "truncated_normal", "orthogonal", "constant", …</param>
/// <param name="Formula">The rule in mathematical notation.</param>
/// <param name="FanIn">fan_in, where the scheme uses fans.</param>
/// <param name="FanOut">fan_out, where the scheme uses fans.</param>
/// <param name="Gain">The gain, where the scheme has one.</param>
/// <param name="Mean">Mean of each value's distribution.</param>
/// <param name="Std">Standard deviation of each value's distribution.</param>
/// <param name="Low">Lower end of the support, where bounded.</param>
/// <param name="High">Upper end of the support, where bounded.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Stream">The stream.</param>
/// <param name="Generator">The random generator: <see cref="GeneratorName"/>.</param>
/// <param name="GeneratorVersion">The fill algorithms' version (<c>Glorot.Random.RandomFill.AlgorithmVersion</c>).</param>
/// <param name="LibraryVersion">The Glorot version that drew the tensor.</param>
public sealed record Provenance(
    string? Name, int[] Shape, string Scheme, IReadOnlyDictionary<string, string> Parameters, string Distribution,
    string Formula, long? FanIn, long? FanOut, double? Gain, double Mean, double Std, double? Low, double? High,
    ulong Seed, ulong Stream, string Generator, int GeneratorVersion, string LibraryVersion)
{
    /// <summary>The JSON schema version this library writes and reads.</summary>
    /// <remarks>Version 2 writes every parameter name and enumeration value in snake_case ("mode": "fan_in") and the
    /// distribution as "truncated_normal"; version 1 wrote them as C# names ("Mode": "FanIn") and "truncated-normal".
    /// Both are read, each as written.</remarks>
    public const int SchemaVersion = 2;

    /// <summary>The generator every fill uses.</summary>
    public const string GeneratorName = "philox4x32-10";

    /// <summary>The suffix that replaces a tensor file's extension: w.npy → w.init.json.</summary>
    public const string FileSuffix = ".init.json";

    /// <summary>The version of this library (its informational version, without build metadata).</summary>
    public static string CurrentLibraryVersion { get; } =
        (typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Provenance).Assembly.GetName().Version?.ToString() ?? "unknown").Split('+')[0];

    /// <summary>The record's path beside a tensor file: "dir/w.npy" → "dir/w.init.json".</summary>
    public static string PathBeside(string tensorPath) =>
        Path.Combine(Path.GetDirectoryName(tensorPath) ?? "", Path.GetFileNameWithoutExtension(tensorPath) + FileSuffix);

    /// <summary>Writes this record as <c>&lt;name&gt;.init.json</c> beside the tensor file; returns the path written.</summary>
    public string WriteBeside(string tensorPath)
    {
        var path = PathBeside(tensorPath);
        Write(path);
        return path;
    }

    /// <summary>Reads the record beside a tensor file.</summary>
    /// <exception cref="IOException">No record there.</exception>
    /// <exception cref="InvalidDataException">The record is malformed; the message names the file and the problem.</exception>
    public static Provenance ReadBeside(string tensorPath) => Read(PathBeside(tensorPath));

    /// <summary>
    /// Writes the record as JSON (UTF-8, indented) to <paramref name="path"/>, through a temporary file in the same
    /// directory that replaces the target at the end, so a reader never sees half a record.
    /// </summary>
    public void Write(string path)
    {
        IO.AtomicFile.WriteAllText(path, ToJson());
    }

    /// <summary>Reads a record written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">Malformed, truncated, oversized or of another schema version.</exception>
    public static Provenance Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"{path}: no provenance record there.", path);
        if (info.Length > ProvenanceJson.MaxBytes)
            throw new InvalidDataException($"{path}: {info.Length} bytes is too large for a provenance record (at most {ProvenanceJson.MaxBytes}).");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>The record as JSON text.</summary>
    public string ToJson() => ProvenanceJson.Write(this);

    /// <summary>Parses JSON text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">Malformed JSON or a field of the wrong type, range or name.</exception>
    public static Provenance Parse(string json, string source = "provenance") => ProvenanceJson.Read(json, source);

    /// <summary>Value equality that compares the shape and parameters element by element.</summary>
    public bool Equals(Provenance? other) =>
        other is not null && ToJson() == other.ToJson();

    /// <inheritdoc />
    public override int GetHashCode() => ToJson().GetHashCode(StringComparison.Ordinal);
}
