using System.Globalization;
using System.Text;
using Glorot.Lab.Suites;

namespace Glorot.Lab.Experiments;

/// <summary>What <c>glorot reproduce --list</c> prints: every suite, its profiles and their estimated time.</summary>
internal static class SuiteIndex
{
    // Measured wall-clock times of glorot2010 on 2 cores, as docs/LAB.md and docs/BENCHMARKS.md ("Lab") give them.
    private static readonly (SuiteProfile Profile, string Time)[] Glorot2010Times =
        [(SuiteProfile.Quick, "1–2 min"), (SuiteProfile.Medium, "≈50 min"), (SuiteProfile.Narrow, "≈37 min"), (SuiteProfile.Full, "2–10 h/run")];

    /// <summary>One line per suite and profile: name, profile, estimated time, what it runs.</summary>
    public static string Format()
    {
        var ci = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(ci, $"{"suite",-11} {"profile",-8} {"est. time",10}  what it runs\n");
        foreach (var (profile, time) in Glorot2010Times)
        {
            var plan = SuitePlan.Of(new SuiteOptions { Profile = profile });
            text.Append(ci, $"{Glorot2010Suite.Name,-11} {profile.ToString().ToLowerInvariant(),-8} {time,10}  Glorot & Bengio (2010): {plan.AllRuns.Count()} runs of width {plan.Networks[0].Spec.Hidden[0]}, figures 2–11, Table 1\n");
        }
        foreach (var suite in ExperimentSuites.All)
            foreach (var p in suite.Profiles)
                text.Append(ci, $"{suite.Name,-11} {p.Profile.ToString().ToLowerInvariant(),-8} {Duration(p.EstimatedSeconds),10}  {p.Description}\n");
        text.Append("Times measured on 2 cores; glorot reproduce glorot2010 --profile P --list itemizes a glorot2010 profile's runs and their FLOP.\n");
        return text.ToString();
    }

    private static string Duration(double seconds) => seconds switch
    {
        < 90 => string.Create(CultureInfo.InvariantCulture, $"{seconds:F0} s"),
        < 5400 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F1} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:F1} h"),
    };
}
