using System.Globalization;

namespace Glorot.Lab.Runs;

/// <summary>
/// The remaining time of a job from its progress: a linear estimate from the value it started at (a resumed job's
/// earlier work took none of this invocation's time), shown only once it means something — after
/// <see cref="MinElapsed"/> and <see cref="MinFraction"/> of this invocation's work, so that start-up (JIT, data,
/// the first evaluation and the Jacobian probe) does not make a first wild guess.
/// </summary>
internal static class ProgressEta
{
    /// <summary>No estimate before this much time.</summary>
    public static readonly TimeSpan MinElapsed = TimeSpan.FromSeconds(10);

    /// <summary>No estimate before this fraction of the work from <c>start</c> to <c>total</c> is done.</summary>
    public const double MinFraction = 0.02;

    /// <summary>Time left to reach <paramref name="total"/> at the mean rate since <paramref name="start"/>; null while not yet meaningful.</summary>
    public static TimeSpan? Remaining(double start, double value, double total, TimeSpan elapsed)
    {
        double done = value - start, todo = total - start;
        if (elapsed < MinElapsed || todo <= 0 || done < MinFraction * todo) return null;
        return TimeSpan.FromSeconds(elapsed.TotalSeconds * Math.Max(0, total - value) / done);
    }

    /// <summary>m:ss, or h:mm:ss from an hour.</summary>
    public static string Format(TimeSpan time) => time.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes}:{time.Seconds:00}");
}
