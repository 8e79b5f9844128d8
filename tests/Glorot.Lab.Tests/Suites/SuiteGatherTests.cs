using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Suites;

public sealed class SuiteGatherTests
{
    private static readonly SuiteOptions Tiny = new() { Profile = SuiteProfile.Tiny };

    /// <summary>Every CSV under <paramref name="root"/> except those of the runs themselves, relative path → bytes.</summary>
    internal static SortedDictionary<string, byte[]> ReportCsvs(string root) => new(
        Directory.GetFiles(root, "*.csv", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith("runs", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes), StringComparer.Ordinal);

    internal static void AssertSameReport(string expected, string actual)
    {
        var a = ReportCsvs(expected);
        var b = ReportCsvs(actual);
        Assert.Equal(a.Keys, b.Keys);
        Assert.True(a.Count >= 17, $"only {a.Count} CSV files");
        foreach (var (name, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[name]), $"{name} differs");
        // Same figures: the same files, and the same PNG bytes. (An SVG of the same data drawn twice in one test
        // process came out different, though two CLI processes wrote identical SVGs; so SVGs are not compared here.)
        var figures = Directory.GetFiles(Path.Combine(expected, "figures")).Where(f => !f.EndsWith(".csv", StringComparison.Ordinal)).ToList();
        Assert.Equal(figures.Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(actual, "figures")).Where(f => !f.EndsWith(".csv", StringComparison.Ordinal)).Select(Path.GetFileName).Order());
        foreach (var f in figures.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
            Assert.True(File.ReadAllBytes(f).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, "figures", Path.GetFileName(f)))), $"{Path.GetFileName(f)} differs");
    }

    [Fact]
    public void Three_shards_in_separate_directories_report_the_same_bytes_as_one_process()
    {
        using var temp = new TempDirectory();
        SuiteRunner.Run(Tiny, temp.Sub("one"));
        var parts = Enumerable.Range(0, 3).Select(i => temp.Sub($"shard{i}")).ToList();
        for (int i = 0; i < 3; i++)
        {
            var part = SuiteRunner.Run(Tiny with { Shard = new SuiteShard(i, 3) }, parts[i]);
            Assert.Equal("", part.Report); // a part draws no report
        }
        var gathered = SuiteGather.Gather(parts);
        SuiteReport.Write(gathered.Plan, gathered.Layout, gathered.Results, temp.Sub("report"), 0);
        AssertSameReport(temp.Sub("one"), temp.Sub("report"));
    }

    [Fact]
    public void Selection_and_final_stages_sharded_on_a_shared_directory_report_the_same_bytes_as_one_process()
    {
        using var temp = new TempDirectory();
        var options = Tiny with { LearningRates = [0.01, 0.3] };
        SuiteRunner.Run(options, temp.Sub("one"));
        foreach (var stage in new[] { SuiteStage.Selection, SuiteStage.Final })
            for (int i = 0; i < 2; i++)
                SuiteRunner.Run(options with { Shard = new SuiteShard(i, 2), Stage = stage }, temp.Sub("shared"));
        var gathered = SuiteGather.Gather([temp.Sub("shared")]);
        SuiteReport.Write(gathered.Plan, gathered.Layout, gathered.Results, temp.Sub("report"), 0);
        AssertSameReport(temp.Sub("one"), temp.Sub("report"));
        Assert.True(File.Exists(Path.Combine(temp.Sub("report"), "selection.csv")));
    }

    [Fact]
    public void Two_jobs_train_the_same_bits_as_one()
    {
        using var temp = new TempDirectory();
        SuiteRunner.Run(Tiny with { Jobs = 1 }, temp.Sub("one"));
        SuiteRunner.Run(Tiny with { Jobs = 2 }, temp.Sub("two"));
        AssertSameReport(temp.Sub("one"), temp.Sub("two"));
        foreach (var run in Directory.GetDirectories(Path.Combine(temp.Sub("one"), "runs")))
            Assert.Equal(File.ReadAllText(Path.Combine(run, "metrics.csv")),
                File.ReadAllText(Path.Combine(temp.Sub("two"), "runs", Path.GetFileName(run), "metrics.csv")));
    }

    [Fact]
    public void The_final_stage_names_the_candidates_it_misses()
    {
        using var temp = new TempDirectory();
        var options = Tiny with { LearningRates = [0.01, 0.3] };
        SuiteRunner.Run(options with { Stage = SuiteStage.Selection, Only = ["tanh@lr=0.01"] }, temp.Path);
        var ex = Assert.Throws<InvalidDataException>(() => SuiteRunner.Run(options with { Stage = SuiteStage.Final, Only = ["tanh"] }, temp.Path));
        Assert.Contains("tanh@lr=0.3", ex.Message);
        Assert.DoesNotContain("tanh@lr=0.01", ex.Message);
    }

    [Fact]
    public void A_missing_run_is_named_in_the_report_not_dropped()
    {
        using var temp = new TempDirectory();
        SuiteRunner.Run(Tiny with { Shard = new SuiteShard(0, 3) }, temp.Sub("shard0"));
        var gathered = SuiteGather.Gather([temp.Sub("shard0")]);
        string report = SuiteReport.Write(gathered.Plan, gathered.Layout, gathered.Results, temp.Sub("report"), 0);
        var missing = gathered.Plan.Instances.Select(i => i.Name).Where(n => gathered.Layout.Run(n) is null).ToList();
        Assert.NotEmpty(missing);
        string html = File.ReadAllText(report);
        Assert.Contains("Missing runs", html);
        foreach (var name in missing) Assert.Contains($"<code>{name}</code>", html);
        Assert.Contains(",missing,", File.ReadAllText(Path.Combine(temp.Sub("report"), "table1.csv")));
        Assert.Equal(missing, gathered.Missing);
    }

    [Fact]
    public void Write_draws_the_report_and_a_manifest_naming_the_directories_gathered()
    {
        using var temp = new TempDirectory();
        SuiteRunner.Run(Tiny with { Shard = new SuiteShard(0, 2) }, temp.Sub("a"));
        SuiteRunner.Run(Tiny with { Shard = new SuiteShard(1, 2) }, temp.Sub("b"));
        string[] sources = [temp.Sub("a"), temp.Sub("b")];
        var gathered = SuiteGather.Gather(sources);
        Assert.Empty(gathered.Missing);
        string report = SuiteGather.Write(gathered, sources, temp.Sub("report"), 0);
        Assert.Equal(Path.Combine(temp.Sub("report"), "report.html"), report);
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Sub("report"), "suite.json")));
        Assert.Equal(sources.Select(Path.GetFullPath), manifest.RootElement.GetProperty("gathered_from").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Directories_of_different_suite_runs_are_refused_naming_what_differs()
    {
        using var temp = new TempDirectory();
        SuiteRunner.Run(Tiny with { Shard = new SuiteShard(0, 2) }, temp.Sub("a"));
        SuiteRunner.Run(Tiny with { Shard = new SuiteShard(1, 2), Seed = 2 }, temp.Sub("b"));
        var ex = Assert.Throws<InvalidDataException>(() => SuiteGather.Gather([temp.Sub("a"), temp.Sub("b")]));
        Assert.Contains("seeds 1×1 vs 2×1", ex.Message);
        SuiteRunner.Run(Tiny with { Shard = new SuiteShard(1, 2), Width = 12 }, temp.Sub("c"));
        Assert.Contains("width 24 vs 12", Assert.Throws<InvalidDataException>(() => SuiteGather.Gather([temp.Sub("a"), temp.Sub("c")])).Message);
    }

    [Fact]
    public void A_suite_json_without_a_protocol_digest_is_gathered_on_the_runs_spec_digests()
    {
        using var temp = new TempDirectory();
        SuiteRunner.Run(Tiny, temp.Path);
        string path = Path.Combine(temp.Path, "suite.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("protocol"); // as the first suite.json with learning-rate selection wrote it
        File.WriteAllText(path, json.ToJsonString());
        Assert.Equal(5, SuiteGather.Gather([temp.Path]).Results.Count);

        // A run whose spec is not the suite's is still refused.
        string spec = Path.Combine(temp.Path, "runs", "tanh", "spec.json");
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("\"learning_rate\": 0.01", "\"learning_rate\": 0.02", StringComparison.Ordinal));
        Assert.Contains("is not the suite's spec of 'tanh'", Assert.Throws<InvalidDataException>(() => SuiteGather.Gather([temp.Path])).Message);
    }

    [Fact]
    public void A_half_written_run_is_refused()
    {
        using var temp = new TempDirectory();
        SuiteRunner.Run(Tiny, temp.Path);
        File.Delete(Path.Combine(temp.Path, "runs", "tanh", "run.json"));
        var ex = Assert.Throws<InvalidDataException>(() => SuiteGather.Gather([temp.Path]));
        Assert.Contains("half-written run (no run.json)", ex.Message);
        Assert.Contains(Path.Combine("runs", "tanh"), ex.Message);
    }
}
