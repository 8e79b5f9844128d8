using System.Text.Json;
using System.Text.Json.Serialization;

namespace Glorot.Probes;

/// <summary>
/// Probe records as JSON (camelCase properties, every number, non-finite numbers as the strings "NaN",
/// "Infinity", "-Infinity"), and as JSON lines: one record per line, appendable during a run.
/// </summary>
public static class ProbeJson
{
    /// <summary>The serializer settings used for every probe record.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // A record with a missing or null member is an error, not a record full of nulls.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>One record as a single-line JSON object.</summary>
    public static string Serialize(ProbeRecord record) => JsonSerializer.Serialize(record, Options);

    /// <summary>Parses a record; throws <see cref="InvalidDataException"/> naming the problem on malformed text.</summary>
    public static ProbeRecord Deserialize(string json, string source = "probe record")
    {
        try
        {
            return JsonSerializer.Deserialize<ProbeRecord>(json, Options)
                ?? throw new InvalidDataException($"{source}: the JSON is null, not a probe record.");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"{source}: not a valid probe record ({ex.Message})", ex);
        }
    }

    /// <summary>Appends one record as a line to a JSON-lines file (created if needed).</summary>
    public static void AppendLine(string path, ProbeRecord record) => IO.AtomicFile.AppendText(path, Serialize(record) + "\n");

    /// <summary>Reads every record of a JSON-lines file; an error names the file and line.</summary>
    public static IReadOnlyList<ProbeRecord> ReadLines(string path)
    {
        var records = new List<ProbeRecord>();
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0) continue;
            records.Add(Deserialize(line, $"{path}, line {number}"));
        }
        return records;
    }
}
