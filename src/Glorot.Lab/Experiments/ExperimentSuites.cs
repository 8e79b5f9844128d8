using Glorot.Lab.Suites;

namespace Glorot.Lab.Experiments;

/// <summary>The source texts' experiments that <c>glorot reproduce NAME</c> runs besides glorot2010 (docs/LAB.md).</summary>
public static class ExperimentSuites
{
    /// <summary>Every experiment suite, in the order <c>--list</c> shows them.</summary>
    public static IReadOnlyList<IExperimentSuite> All { get; } = [new SymmetrySuite(), new SignalSuite(), new He2015Suite(), new ClippingSuite(), new ConditionsSuite()];

    /// <summary>The suite named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static IExperimentSuite? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <paramref name="suite"/>'s <paramref name="profile"/>, or null for <see cref="SuiteProfile.Tiny"/> when the suite
    /// has none (tests run every suite tiny, at its own smallest scale).
    /// </summary>
    /// <exception cref="ArgumentException">The suite has no such profile.</exception>
    public static ExperimentProfile? Profile(IExperimentSuite suite, SuiteProfile profile)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var known = suite.Profiles.FirstOrDefault(p => p.Profile == profile);
        if (known is null && profile != SuiteProfile.Tiny)
            throw new ArgumentException($"Suite {suite.Name} has no {profile.ToString().ToLowerInvariant()} profile; use " +
                string.Join(" or ", suite.Profiles.Select(p => p.Profile.ToString().ToLowerInvariant())) + ".");
        return known;
    }
}
