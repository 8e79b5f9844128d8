using System.Text.Json;
using System.Text.Json.Serialization;
using Glorot.Data;
using Glorot.IO;

namespace Glorot.Lab.Runs;

/// <summary>Reads, checks and writes <see cref="RunSpec"/> as JSON (snake_case keys; comments and trailing commas
/// allowed on input; unknown and duplicate keys rejected so that a typo is not silently ignored).</summary>
public static class RunSpecJson
{
    private static readonly JsonSerializerOptions Options = RunSpecConverters.AddTo(new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A key given twice is a mistake whichever value was meant; System.Text.Json would keep the last silently.
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    });

    /// <summary>The spec as indented JSON.</summary>
    public static string Serialize(RunSpec spec) => JsonSerializer.Serialize(spec, Options);

    /// <summary>Parses and checks a spec; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">Not JSON, not an object, or a key/value of the wrong kind.</exception>
    /// <exception cref="ArgumentException">A value out of range (<see cref="Validate"/>), or a name (activation, init,
    /// output_init, input_scaling) that names nothing known.</exception>
    public static RunSpec Parse(string json, string source = "run spec")
    {
        RunSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<RunSpec>(json, Options);
        }
        catch (RunSpecValueException ex)
        {
            // A name that names nothing is a bad value, not bad JSON: the same ArgumentException Validate throws.
            throw new ArgumentException($"{source}: {Key(ex.Path)} {ex.Message}", ex);
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
        if (!Enum.IsDefined(spec.InputScaling)) Fail($"input_scaling {(int)spec.InputScaling} is not a pixel scaling.");
        if (spec.Hidden is null || spec.Hidden.Length == 0) Fail("hidden must list at least one layer width, e.g. [1000, 1000].");
        foreach (int w in spec.Hidden!)
            if (w <= 0) Fail($"hidden width {w} must be positive.");
        if (spec.Init is null) Fail("init must name a scheme, e.g. \"standard\".");
        if (spec.Init!.IsLsuv)
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
            try
            {
                spec.Init.Create(spec.InitOptions());
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{source}: init_gain / init_nonlinearity: {ex.Message}", ex);
            }
        }
        if (spec.OutputInit is { IsLsuv: true }) Fail("output_init 'lsuv' is unknown: LSUV goes in init, for all layers or, with another output_init, the hidden ones.");
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

    // "$.output_init" → "output_init", the key as the spec spells it.
    private static string Key(string? path) => path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "value";

    // System.Text.Json appends "Path: $.x | LineNumber: …" after the first sentence; the path is reported separately.
    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
