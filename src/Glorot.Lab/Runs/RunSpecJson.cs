using System.Text.Json;
using System.Text.Json.Serialization;
using Glorot.Data;
using Glorot.IO;
using Glorot.Init;

namespace Glorot.Lab.Runs;

/// <summary>Reads, checks and writes <see cref="RunSpec"/> as JSON (snake_case keys; comments and trailing commas
/// allowed on input; unknown and duplicate keys rejected so that a typo is not silently ignored).</summary>
public static class RunSpecJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A key given twice is a mistake whichever value was meant; System.Text.Json would keep the last silently.
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The spec as indented JSON.</summary>
    public static string Serialize(RunSpec spec) => JsonSerializer.Serialize(spec, Options);

    /// <summary>Parses and checks a spec; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">Not JSON, not an object, or a key/value of the wrong kind.</exception>
    /// <exception cref="ArgumentException">A value out of range (<see cref="Validate"/>).</exception>
    public static RunSpec Parse(string json, string source = "run spec")
    {
        RunSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<RunSpec>(json, Options);
        }
        catch (JsonException ex)
        {
            string where = ex.Path is { Length: > 0 } path ? $" at {path}" : "";
            throw new InvalidDataException($"{source}: not a valid run spec{where}: {FirstSentence(ex.Message)}", ex);
        }
        if (spec is null) throw new InvalidDataException($"{source}: the file holds null, not a run spec object.");
        Validate(spec, source);
        return spec;
    }

    /// <summary>Reads and checks the spec in <paramref name="path"/>.</summary>
    public static RunSpec Load(string path)
    {
        if (Directory.Exists(path)) throw new ArgumentException($"Run spec {path} is a directory; give the spec's JSON file (e.g. {Path.Combine(path, "spec.json")}).");
        if (!File.Exists(path)) throw new FileNotFoundException($"Run spec {path} does not exist.", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Writes the spec to <paramref name="path"/> atomically (<see cref="AtomicFile"/>).</summary>
    public static void Save(RunSpec spec, string path)
    {
        AtomicFile.WriteAllText(path, Serialize(spec));
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value that cannot work.</summary>
    public static void Validate(RunSpec spec, string source = "run spec")
    {
        ArgumentNullException.ThrowIfNull(spec);
        void Fail(string message) => throw new ArgumentException($"{source}: {message}");
        if (string.IsNullOrWhiteSpace(spec.Name) || spec.Name.IndexOfAny([.. Path.GetInvalidFileNameChars(), '/', '\\']) >= 0 || spec.Name is "." or "..")
            Fail($"name '{spec.Name}' must be a plain file name (it names the run directory).");
        if (!DatasetCatalog.Names.Contains(spec.Dataset.ToLowerInvariant()) && spec.Dataset is not ("shapeset-3x2" or "cifar-10"))
            Fail($"dataset '{spec.Dataset}' is unknown; known: {string.Join(", ", DatasetCatalog.Names)}.");
        ParseScaling(spec.InputScaling, source);
        if (spec.Hidden is null || spec.Hidden.Length == 0) Fail("hidden must list at least one layer width, e.g. [1000, 1000].");
        foreach (int w in spec.Hidden!)
            if (w <= 0) Fail($"hidden width {w} must be positive.");
        if (!Activation.TryParse(spec.Activation, out _))
            Fail($"activation '{spec.Activation}' is unknown; known: {string.Join(", ", Activation.Names)}.");
        if (spec.IsLsuv())
        {
            if (spec.InitGain is not null || spec.InitNonlinearity is not null)
                Fail("init lsuv takes no init_gain or init_nonlinearity (its scale comes from the data).");
            try { spec.LsuvOptions().Validate(); }
            catch (ArgumentException ex) { Fail($"lsuv_batch / lsuv_tolerance / lsuv_iterations: {ex.Message}"); }
        }
        else
        {
            if (spec.LsuvBatch is not null || spec.LsuvTolerance is not null || spec.LsuvIterations is not null)
                Fail($"lsuv_batch, lsuv_tolerance and lsuv_iterations go with init \"lsuv\", not \"{spec.Init}\".");
            CheckScheme(spec.Init, "init", source);
            try
            {
                Schemes.Create(spec.Init, spec.InitOptions());
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{source}: init_gain / init_nonlinearity: {ex.Message}", ex);
            }
        }
        if (spec.OutputInit is not null) CheckScheme(spec.OutputInit, "output_init", source);
        if (!double.IsFinite(spec.LearningRate) || spec.LearningRate <= 0 || spec.LearningRate > float.MaxValue)
            Fail($"learning_rate {spec.LearningRate} must be finite and positive.");
        if (!(spec.Momentum >= 0 && spec.Momentum < 1)) Fail($"momentum {spec.Momentum} must be in [0, 1).");
        if (!double.IsFinite(spec.WeightDecay) || spec.WeightDecay < 0 || spec.WeightDecay > float.MaxValue)
            Fail($"weight_decay {spec.WeightDecay} must be finite and non-negative.");
        if (spec.ClipGlobalNorm is { } norm && !(norm > 0 && norm <= float.MaxValue)) Fail($"clip_global_norm {norm} must be finite and positive.");
        if (spec.ClipValue is { } clip && !(clip > 0 && clip <= float.MaxValue)) Fail($"clip_value {clip} must be finite and positive.");
        try
        {
            spec.Optimizer().Validate();
        }
        catch (ArgumentException ex)
        {
            Fail($"optimizer: {ex.Message}");
        }
        if (spec.BatchSize <= 0) Fail($"batch_size {spec.BatchSize} must be positive.");
        if (spec.Updates < 0) Fail($"updates {spec.Updates} must not be negative.");
        if (spec.EvaluateEvery <= 0) Fail($"evaluate_every {spec.EvaluateEvery} must be positive.");
        if (spec.EvaluationExamples <= 0) Fail($"evaluation_examples {spec.EvaluationExamples} must be positive.");
        if (spec.ProbeEvery <= 0) Fail($"probe_every {spec.ProbeEvery} must be positive.");
        if (spec.ProbeExamples <= 0) Fail($"probe_examples {spec.ProbeExamples} must be positive.");
        if (spec.WeightGradientExamples < 0 || spec.WeightGradientExamples > spec.ProbeExamples)
            Fail($"weight_gradient_examples {spec.WeightGradientExamples} must be in 0..probe_examples ({spec.ProbeExamples}).");
        if (spec.JacobianExamples < 0 || spec.JacobianExamples > spec.ProbeExamples)
            Fail($"jacobian_examples {spec.JacobianExamples} must be in 0..probe_examples ({spec.ProbeExamples}).");
        if (spec.HistogramBins is < 2 or > 10_000) Fail($"histogram_bins {spec.HistogramBins} must be in 2..10000.");
        if (spec.CheckpointEvery <= 0) Fail($"checkpoint_every {spec.CheckpointEvery} must be positive.");
    }

    /// <summary>The <see cref="PixelScaling"/> named by a spec's input_scaling (or the command-line option <paramref name="key"/>).</summary>
    public static PixelScaling ParseScaling(string text, string source = "run spec", string key = "input_scaling") => text switch
    {
        "zero-one" => PixelScaling.ZeroOne,
        "minus-one-one" => PixelScaling.MinusOneOne,
        "standardize" => PixelScaling.Standardize,
        _ => throw new ArgumentException($"{source}: {key} '{text}' is unknown; use zero-one, minus-one-one or standardize."),
    };

    private static void CheckScheme(string name, string key, string source)
    {
        try
        {
            Schemes.Find(name);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{source}: {key}: {ex.Message}", ex);
        }
    }

    // System.Text.Json appends "Path: $.x | LineNumber: …" after the first sentence; the path is reported separately.
    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
