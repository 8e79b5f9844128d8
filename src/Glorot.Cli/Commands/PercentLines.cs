using System.Globalization;
using Glorot.Lab.Runs;

namespace Glorot.Cli.Commands;

/// <summary>
/// Progress for logs (redirected output, CI): one line each time the work passes another 10 % of its total, with
/// the elapsed time and <see cref="ProgressEta"/>'s estimate, instead of a bar that a log cannot redraw.
/// </summary>
internal sealed class PercentLines(string unit)
{
    private double? _start;
    private int _reached;

    /// <summary>The line to print for this report, or null when it passes no new 10 % mark.</summary>
    public string? Report(double value, double total, TimeSpan elapsed)
    {
        if (total <= 0) return null;
        int tenths = (int)Math.Floor(10 * Math.Min(value, total) / total);
        if (_start is null)
        {
            // The first report sets the start; a resumed job passed its earlier marks in an earlier invocation.
            _start = value;
            _reached = tenths;
        }
        if (tenths <= _reached) return null;
        _reached = tenths;
        string eta = ProgressEta.Remaining(_start.Value, value, total, elapsed) is { } left
            ? $"about {ProgressEta.Format(left)} left"
            : tenths == 10 ? "done" : "no estimate yet";
        return string.Create(CultureInfo.InvariantCulture,
            $"{10 * tenths} % ({value:N0}/{total:N0} {unit}), {ProgressEta.Format(elapsed)} elapsed, {eta}");
    }
}
