using System.Text.Json;
using Glorot.Lab.Claims;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Claims;

public sealed class ClaimsTableTests
{
    [Fact]
    public void Without_runs_every_run_claim_is_not_reached_and_the_files_are_written()
    {
        using var temp = new TempDirectory();
        var claims = ClaimsTable.Write(temp.Path);
        Assert.Equal(Enumerable.Range(1, 12), claims.Select(c => c.Id));
        Assert.All(claims.Where(c => c.Id != 12), c => Assert.Equal(Verdict.NotReached, c.Verdict));
        Assert.NotEqual(Verdict.NotReached, claims.Single(c => c.Id == 12).Verdict);   // computed, needs no run
        var lines = File.ReadAllLines(Path.Combine(temp.Path, ClaimsTable.CsvFile));
        Assert.Equal("id,claim,source,criterion,paper,measured,verdict,note", lines[0]);
        Assert.Equal(13, lines.Length);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, ClaimsTable.JsonFile)));
        Assert.Equal(12, json.RootElement.GetArrayLength());
        Assert.Equal("not_reached", json.RootElement[0].GetProperty("verdict").GetString());
        string html = ClaimsTable.Html(claims);
        Assert.Contains("not reached", html);
        Assert.Equal(12, html.Split("<tr><td>").Length - 1);
    }

    [Fact]
    public void An_unreadable_table_is_named_not_thrown()
    {
        using var temp = new TempDirectory();
        var run = new FakeRun(temp.Path, "tanh");
        Directory.CreateDirectory(run.Dir.Root);
        File.WriteAllText(run.Dir.Probes, "step,layer\n0\n");
        var claims = ClaimsTable.Evaluate(temp.Path);
        var claim6 = claims.Single(c => c.Id == 6);
        Assert.Equal(Verdict.NotReached, claim6.Verdict);
        Assert.Contains("unreadable", claim6.Measured);
    }

    [Fact]
    public void Runs_holding_only_part_of_their_tables_make_claims_not_reached_never_an_exception()
    {
        using var temp = new TempDirectory();
        foreach (var name in new[] { "sigmoid", "sigmoid-5", "tanh", "tanh-n", "softsign", "softsign-n" })
            new FakeRun(temp.Path, name).Probe(0, 0, "input", 0.4, 0.3).Probe(0, 1, "weight_gradient", 0, 0.002)
                .Histogram(0, 0, "input", 0, 1, 1).Metric(0, 0.83).Write();
        var claims = ClaimsTable.Evaluate(temp.Path);
        Assert.All(claims.Where(c => c.Id != 12), c => Assert.Equal(Verdict.NotReached, c.Verdict));
        Assert.All(claims, c => Assert.False(string.IsNullOrWhiteSpace(c.Measured)));
    }
}
