using Glorot.Cli.Commands;

namespace Glorot.Cli.Tests.Commands;

public sealed class PercentLinesTests
{
    [Fact]
    public void A_line_at_every_ten_percent_with_the_elapsed_time_and_the_estimate()
    {
        var lines = new PercentLines("updates");
        // One update per second; the fake clock is the value.
        var printed = Enumerable.Range(0, 1001).Select(v => lines.Report(v, 1000, TimeSpan.FromSeconds(v))).OfType<string>().ToList();
        Assert.Equal(10, printed.Count);
        Assert.Equal("10 % (100/1,000 updates), 1:40 elapsed, about 15:00 left", printed[0]);
        Assert.StartsWith("50 % (500/1,000 updates), 8:20 elapsed, about 8:20 left", printed[4]);
        Assert.Equal("100 % (1,000/1,000 updates), 16:40 elapsed, about 0:00 left", printed[9]);
    }

    [Fact]
    public void Before_the_estimate_is_meaningful_the_line_says_so()
    {
        var lines = new PercentLines("updates");
        Assert.Null(lines.Report(0, 100, TimeSpan.Zero));
        Assert.Equal("10 % (10/100 updates), 0:05 elapsed, no estimate yet", lines.Report(10, 100, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_resumed_job_starts_at_its_own_value_and_a_jump_prints_one_line()
    {
        var lines = new PercentLines("updates");
        Assert.Null(lines.Report(35, 100, TimeSpan.Zero));
        Assert.Null(lines.Report(39, 100, TimeSpan.FromSeconds(40)));
        Assert.Equal("40 % (40/100 updates), 0:50 elapsed, about 10:00 left", lines.Report(40, 100, TimeSpan.FromSeconds(50)));
        Assert.StartsWith("80 % (85/100 updates)", lines.Report(85, 100, TimeSpan.FromSeconds(60)));
        Assert.Null(lines.Report(86, 100, TimeSpan.FromSeconds(61)));
    }
}
