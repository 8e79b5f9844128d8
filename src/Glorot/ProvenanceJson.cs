using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Glorot;

/// <summary>
/// The JSON form of <see cref="Provenance"/> (schema 1), written by hand so that reading can reject anything that
/// is not exactly a record: unknown or missing fields, wrong types, non-finite numbers, oversized input.
/// </summary>
/// <remarks>
/// Fields: schema_version, name, shape, scheme, parameters (string → string), distribution, formula, fan_in,
/// fan_out, gain, mean, std, low, high, seed, stream, generator, generator_version, library_version. Optional
/// values are written as null. Numbers are written in their shortest round-trip form, so doubles read back bit-identical.
/// </remarks>
internal static class ProvenanceJson
{
    public const int MaxBytes = 1 << 20;
    private const int MaxText = 4096;
    private const int MaxParameters = 256;
    private const int MaxRank = 32;

    private static readonly string[] Fields =
    [
        "schema_version", "name", "shape", "scheme", "parameters", "distribution", "formula", "fan_in", "fan_out",
        "gain", "mean", "std", "low", "high", "seed", "stream", "generator", "generator_version", "library_version",
    ];

    public static string Write(Provenance p)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schema_version", Provenance.SchemaVersion);
            if (p.Name is null) w.WriteNull("name"); else w.WriteString("name", p.Name);
            w.WriteStartArray("shape");
            foreach (var d in p.Shape) w.WriteNumberValue(d);
            w.WriteEndArray();
            w.WriteString("scheme", p.Scheme);
            w.WriteStartObject("parameters");
            foreach (var (key, value) in p.Parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteString(key, value);
            w.WriteEndObject();
            w.WriteString("distribution", p.Distribution);
            w.WriteString("formula", p.Formula);
            Optional(w, "fan_in", p.FanIn);
            Optional(w, "fan_out", p.FanOut);
            Optional(w, "gain", p.Gain);
            w.WriteNumber("mean", p.Mean);
            w.WriteNumber("std", p.Std);
            Optional(w, "low", p.Low);
            Optional(w, "high", p.High);
            w.WriteNumber("seed", p.Seed);
            w.WriteNumber("stream", p.Stream);
            w.WriteString("generator", p.Generator);
            w.WriteNumber("generator_version", p.GeneratorVersion);
            w.WriteString("library_version", p.LibraryVersion);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static Provenance Read(string json, string source)
    {
        if (Encoding.UTF8.GetByteCount(json) > MaxBytes)
            throw Bad(source, $"the text is larger than {MaxBytes} bytes; a provenance record is a few hundred");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            throw Bad(source, $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message.Split('.')[0]}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad(source, $"expected a JSON object, found {root.ValueKind}");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name))
                    throw Bad(source, $"unknown field '{Clip(property.Name)}' (schema {Provenance.SchemaVersion} has: {string.Join(", ", Fields)})");
                if (!seen.Add(property.Name)) throw Bad(source, $"field '{property.Name}' appears twice");
            }
            var missing = Fields.Where(f => !seen.Contains(f)).ToList();
            if (missing.Count > 0) throw Bad(source, $"missing field(s): {string.Join(", ", missing)}");

            int version = Int(root, "schema_version", source);
            if (version is < 1 || version > Provenance.SchemaVersion)
                throw Bad(source, $"schema_version {version} is not supported (this library reads versions 1 to {Provenance.SchemaVersion}); upgrade Glorot");

            var shapeElement = root.GetProperty("shape");
            if (shapeElement.ValueKind != JsonValueKind.Array) throw Bad(source, "'shape' must be an array of positive integers");
            if (shapeElement.GetArrayLength() is 0 or > MaxRank) throw Bad(source, $"'shape' must have 1 to {MaxRank} dimensions");
            var shape = new int[shapeElement.GetArrayLength()];
            var i = 0;
            foreach (var d in shapeElement.EnumerateArray())
            {
                if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt32(out shape[i]) || shape[i] <= 0)
                    throw Bad(source, $"'shape' dimension {i} must be a positive 32-bit integer; got {Clip(d.GetRawText())}");
                i++;
            }

            var parametersElement = root.GetProperty("parameters");
            if (parametersElement.ValueKind != JsonValueKind.Object) throw Bad(source, "'parameters' must be an object of strings");
            var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in parametersElement.EnumerateObject())
            {
                if (parameters.Count >= MaxParameters) throw Bad(source, $"'parameters' has more than {MaxParameters} entries");
                if (p.Value.ValueKind != JsonValueKind.String) throw Bad(source, $"parameter '{Clip(p.Name)}' must be a string");
                if (!parameters.TryAdd(Text(p.Name, $"parameter name", source), Text(p.Value.GetString()!, $"parameter '{Clip(p.Name)}'", source)))
                    throw Bad(source, $"parameter '{Clip(p.Name)}' appears twice");
            }

            var record = new Provenance(
                OptionalString(root, "name", source), shape, String(root, "scheme", source), parameters,
                String(root, "distribution", source), String(root, "formula", source),
                OptionalFan(root, "fan_in", source), OptionalFan(root, "fan_out", source),
                OptionalDouble(root, "gain", source), Double(root, "mean", source), Double(root, "std", source),
                OptionalDouble(root, "low", source), OptionalDouble(root, "high", source),
                ULong(root, "seed", source), ULong(root, "stream", source),
                String(root, "generator", source), Int(root, "generator_version", source), String(root, "library_version", source));
            if (record.Std < 0) throw Bad(source, $"'std' must not be negative; got {record.Std}");
            if (record.Low is { } lo && record.High is { } hi && lo > hi) throw Bad(source, $"'low' ({lo}) exceeds 'high' ({hi})");
            return record;
        }
    }

    private static void Optional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    private static void Optional(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    private static string String(JsonElement root, string name, string source) =>
        OptionalString(root, name, source) ?? throw Bad(source, $"'{name}' must be a string, not null");

    private static string? OptionalString(JsonElement root, string name, string source)
    {
        var e = root.GetProperty(name);
        return e.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => Text(e.GetString()!, $"'{name}'", source),
            _ => throw Bad(source, $"'{name}' must be a string; got {e.ValueKind}"),
        };
    }

    private static string Text(string value, string what, string source) =>
        value.Length <= MaxText ? value : throw Bad(source, $"{what} is longer than {MaxText} characters");

    private static double Double(JsonElement root, string name, string source) =>
        OptionalDouble(root, name, source) ?? throw Bad(source, $"'{name}' must be a number, not null");

    private static double? OptionalDouble(JsonElement root, string name, string source)
    {
        var e = root.GetProperty(name);
        if (e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var value) || !double.IsFinite(value))
            throw Bad(source, $"'{name}' must be a finite number; got {Clip(e.GetRawText())}");
        return value;
    }

    private static long? OptionalFan(JsonElement root, string name, string source)
    {
        var e = root.GetProperty(name);
        if (e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var value) || value <= 0)
            throw Bad(source, $"'{name}' must be a positive integer or null; got {Clip(e.GetRawText())}");
        return value;
    }

    private static int Int(JsonElement root, string name, string source)
    {
        var e = root.GetProperty(name);
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var value))
            throw Bad(source, $"'{name}' must be an integer; got {Clip(e.GetRawText())}");
        return value;
    }

    private static ulong ULong(JsonElement root, string name, string source)
    {
        var e = root.GetProperty(name);
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetUInt64(out var value))
            throw Bad(source, $"'{name}' must be an integer in 0 … 2⁶⁴ − 1; got {Clip(e.GetRawText())}");
        return value;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static InvalidDataException Bad(string source, string problem) => new($"{source}: not a provenance record: {problem}.");
}
