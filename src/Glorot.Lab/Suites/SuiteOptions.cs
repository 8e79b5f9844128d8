namespace Glorot.Lab.Suites;

/// <summary>What a suite run trains (profile, seeds, width, learning-rate grid) and how (resume).</summary>
public sealed record SuiteOptions
{
    /// <summary>How much of the paper's protocol to run. Default quick.</summary>
    public SuiteProfile Profile { get; init; } = SuiteProfile.Quick;

    /// <summary>The first seed. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Seeds per network: <see cref="Seed"/>, <see cref="Seed"/> + 1, …. Default 1.</summary>
    public int Seeds { get; init; } = 1;

    /// <summary>Hidden width instead of the profile's; null keeps it.</summary>
    public int? Width { get; init; }

    /// <summary>Learning rates every network chooses from instead of the profile's (one rate: that rate, no choice); null keeps them.</summary>
    public IReadOnlyList<double>? LearningRates { get; init; }

    /// <summary>Continue runs from their latest checkpoints.</summary>
    public bool Resume { get; init; }

    /// <summary>The profile's name as typed on the command line ("medium").</summary>
    public string ProfileName => Profile.ToString().ToLowerInvariant();

    /// <summary>Checks every option; a bad one throws <see cref="ArgumentException"/> naming it.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Profile)) throw new ArgumentException($"Unknown profile {(int)Profile}.");
        if (Seeds is < 1 or > 1000) throw new ArgumentException($"--seeds {Seeds} is out of range; give 1 to 1000 seeds per network.");
        if (Seed > ulong.MaxValue - (ulong)Seeds) throw new ArgumentException($"--seed {Seed} leaves no room for {Seeds} consecutive seeds.");
        if (Width is { } w && w is < 1 or > 4096) throw new ArgumentException($"--width {w} is out of range; give a hidden width from 1 to 4096.");
        if (LearningRates is { } grid) LearningRateGrid.Validate(grid);
    }
}
