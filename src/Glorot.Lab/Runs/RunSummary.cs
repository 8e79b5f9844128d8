using System.Text.Json;

namespace Glorot.Lab.Runs;

/// <summary>Reads a run's outcome back from the files it wrote: <c>run.json</c> and, when it diverged, <c>divergence.json</c>.</summary>
internal static class RunSummary
{
    /// <summary>
    /// The outcome recorded in <paramref name="run"/> under <paramref name="name"/>, or null when it has no
    /// <c>run.json</c> or its status is not one of <see cref="RunStatus"/>'s.
    /// </summary>
    public static RunResult? Read(RunDirectory run, string name)
    {
        if (!File.Exists(run.Summary)) return null;
        using var json = JsonDocument.Parse(File.ReadAllText(run.Summary));
        var root = json.RootElement;
        string text = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
        if (!Enum.TryParse<RunStatus>(text, ignoreCase: true, out var status) || !Enum.IsDefined(status)) return null;
        long steps = root.TryGetProperty("steps", out var st) && st.ValueKind == JsonValueKind.Number ? st.GetInt64() : 0;
        double? Number(string key) => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        var divergence = File.Exists(run.Divergence) ? JsonSerializer.Deserialize<DivergenceInfo>(File.ReadAllText(run.Divergence), Runner.JsonOptions) : null;
        return new RunResult(name, run, status, steps, Number("seconds") ?? 0, Number("final_test_error"), Number("final_validation_error"), divergence);
    }
}
