using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Runs;

public sealed class ProgressEtaTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Nothing_is_shown_before_ten_seconds_or_two_percent_of_the_work()
    {
        Assert.Null(ProgressEta.Remaining(0, 50, 100, S(9.9)));
        Assert.Null(ProgressEta.Remaining(0, 1.9, 100, S(60)));
        // From a resumed start at 50, 2 % of the 50 left is 1.
        Assert.Null(ProgressEta.Remaining(50, 50.9, 100, S(60)));
        Assert.NotNull(ProgressEta.Remaining(50, 51, 100, S(10)));
        Assert.Null(ProgressEta.Remaining(100, 100, 100, S(60))); // nothing to do in this invocation
    }

    [Theory]
    [InlineData(0, 25, 100, 20, 60)]   // a quarter in 20 s: three quarters in 60 s
    [InlineData(50, 60, 100, 10, 40)]  // resumed at 50: 10 in 10 s, 40 left
    [InlineData(0, 2, 100, 10, 490)]   // the first estimate allowed
    [InlineData(0, 100, 100, 30, 0)]   // done
    public void The_estimate_is_linear_from_the_start_value(double start, double value, double total, double elapsed, double left) =>
        Assert.Equal(left, ProgressEta.Remaining(start, value, total, S(elapsed))!.Value.TotalSeconds, 9);

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(59.4, "0:59")]
    [InlineData(600, "10:00")]
    [InlineData(3725, "1:02:05")]
    public void Times_print_as_minutes_and_seconds_or_hours(double seconds, string text) =>
        Assert.Equal(text, ProgressEta.Format(S(seconds)));
}
