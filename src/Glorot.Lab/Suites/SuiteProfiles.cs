namespace Glorot.Lab.Suites;

/// <summary>The profile and stage names that <c>glorot reproduce</c> takes, and what each glorot2010 profile costs.</summary>
public static class SuiteProfiles
{
    /// <summary>The profile named <paramref name="text"/> (case-insensitive). "tiny" is for tests (seconds, not a
    /// reproduction) and deliberately not advertised.</summary>
    /// <exception cref="ArgumentException">No profile has that name.</exception>
    public static SuiteProfile Parse(string text) => text.ToLowerInvariant() switch
    {
        "quick" => SuiteProfile.Quick,
        "full" => SuiteProfile.Full,
        "medium" => SuiteProfile.Medium,
        "narrow" => SuiteProfile.Narrow,
        "tiny" => SuiteProfile.Tiny,
        _ => throw new ArgumentException($"Unknown profile '{text}'; use quick, medium, narrow or full."),
    };

    /// <summary>The stage named <paramref name="text"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No stage has that name.</exception>
    public static SuiteStage ParseStage(string text) => text.ToLowerInvariant() switch
    {
        "all" => SuiteStage.All,
        "selection" => SuiteStage.Selection,
        "final" => SuiteStage.Final,
        _ => throw new ArgumentException($"Unknown stage '{text}'; use all, selection or final."),
    };

    /// <summary>
    /// What the glorot2010 suite trains in <paramref name="profile"/> and how long it takes, for the line printed before
    /// it starts: times measured on 2-core machines (the quick profile's in docs/BENCHMARKS.md); the speed check then
    /// predicts this machine's (<see cref="SuiteForecast"/>).
    /// </summary>
    public static string Expectation(SuiteProfile profile) => profile switch
    {
        SuiteProfile.Quick => "glorot2010, quick profile: 5 networks of 1000 units × 5,000 updates; expect about 1–2 minutes on 2 idle cores (1.1 min measured), longer on a busy machine.",
        SuiteProfile.Medium => "glorot2010, medium profile: 5 networks of 1000 units, 3 learning rates each for 20k updates, then the best to 160k (tanh 500k): ≈1.34 M updates; expect about 50 minutes on 2 idle cores (≈535 updates/s). Ctrl+C stops at a checkpoint; --resume continues.",
        SuiteProfile.Narrow => "glorot2010, narrow profile: 6 networks of 128 units, 5–7 learning rates each for 250k updates, then the best to 2.5 M: ≈23 M updates; expect about 40 minutes with --jobs 2 on 2 cores (37 min measured on a 2-core machine). Ctrl+C stops at a checkpoint; --resume continues.",
        SuiteProfile.Full => "glorot2010, full profile: 6 networks × 2.5 M updates (2.8 M for sigmoid); expect roughly 2–10 hours per network on 2 cores (60–300 updates/s with evaluation and probes). Ctrl+C stops at a checkpoint; --resume continues.",
        _ => "glorot2010, tiny profile (tests only: not a reproduction).",
    };
}
