using System.Globalization;
using System.Text.Json;
using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary>Prints an <see cref="InitResult"/> as a table or as one JSON object.</summary>
internal static class InitReport
{
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteTable(TextWriter output, InitResult result)
    {
        var s = result.Stats;
        var rows = new List<(string, string)>
        {
            ("scheme", s.Scheme),
            ("definition", Definition(s.Scheme)),
            ("drawn from", s.Formula),
        };
        if (result.Request.Layer is { } layer) rows.Add(("layer", layer.ToString()));
        rows.Add(("shape", Shapes.Format(result.Request.Shape)));
        rows.Add(("distribution", s.Distribution));
        if (s.Fans is { } fans)
        {
            rows.Add(("fan_in", fans.FanIn.ToString(CultureInfo.InvariantCulture)));
            rows.Add(("fan_out", fans.FanOut.ToString(CultureInfo.InvariantCulture)));
        }
        if (s.Gain is { } gain) rows.Add(("gain", Number(gain)));
        rows.Add(("mean", Number(s.Mean)));
        rows.Add(("std", Number(s.Std)));
        if (s.Bound is { } bound) rows.Add(("bound", Number(bound)));
        else if (s.Low is { } lo && s.High is { } hi) rows.Add(("support", $"[{Number(lo)}, {Number(hi)}]"));
        rows.Add(("seed, stream", $"{result.Request.Seed}, {result.Request.Stream}"));
        var m = result.Sample;
        rows.Add(("drawn", $"mean {Number(m.Mean)}, std {Number(m.Std)}, min {Number(m.Min)}, max {Number(m.Max)}"));
        foreach (var (key, value) in rows) output.WriteLine($"{key,-13} {value}");
        if (result.Verification is { } report) WriteVerification(output, report);
    }

    // Presets report the scheme of each tensor they draw; a name outside the registry has no separate definition.
    private static string Definition(string scheme) =>
        Schemes.All.FirstOrDefault(e => e.Name == scheme)?.Formula ?? "(see the formula below)";

    private static void WriteVerification(TextWriter output, SelfTestReport report)
    {
        output.WriteLine($"{"verify",-13} {report.Verdict}: {report.Checks.Count} checks on {report.Count} values, α = {Number(report.Alpha)} each");
        foreach (var c in report.Checks)
            output.WriteLine($"  {(c.Passed ? "pass" : "FAIL")} {c.Name,-13} {Number(c.Statistic),-12} ≤ {Number(c.Threshold),-10} {c.Detail}");
    }

    public static Dictionary<string, object?> ToJson(InitResult result)
    {
        var s = result.Stats;
        var json = new Dictionary<string, object?>
        {
            ["name"] = result.Request.Label,
            ["scheme"] = s.Scheme,
            ["definition"] = Definition(s.Scheme),
            ["formula"] = s.Formula,
            ["layer"] = result.Request.Layer?.ToString(),
            ["shape"] = result.Request.Shape,
            ["distribution"] = s.Distribution,
            ["fan_in"] = s.Fans?.FanIn,
            ["fan_out"] = s.Fans?.FanOut,
            ["gain"] = s.Gain,
            ["mean"] = s.Mean,
            ["std"] = s.Std,
            ["bound"] = s.Bound,
            ["low"] = s.Low,
            ["high"] = s.High,
            ["seed"] = result.Request.Seed,
            ["stream"] = result.Request.Stream,
            ["drawn"] = new Dictionary<string, double>
            {
                ["mean"] = result.Sample.Mean, ["std"] = result.Sample.Std,
                ["min"] = result.Sample.Min, ["max"] = result.Sample.Max,
            },
        };
        if (result.Verification is { } report)
            json["verify"] = new Dictionary<string, object?>
            {
                ["passed"] = report.Passed,
                ["alpha"] = report.Alpha,
                ["count"] = report.Count,
                ["checks"] = report.Checks.Select(c => new Dictionary<string, object?>
                {
                    ["name"] = c.Name, ["statistic"] = c.Statistic, ["threshold"] = c.Threshold, ["passed"] = c.Passed, ["detail"] = c.Detail,
                }).ToList(),
            };
        return json;
    }

    private static string Number(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
