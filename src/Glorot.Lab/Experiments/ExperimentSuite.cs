using Glorot.Lab.Claims;
using Glorot.Lab.Figures;
using Glorot.Lab.Suites;

namespace Glorot.Lab.Experiments;

/// <summary>A profile of an experiment suite as <c>glorot reproduce --list</c> shows it.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Description">What it runs, in one line.</param>
/// <param name="EstimatedSeconds">Wall-clock seconds measured on 2 loaded cores (docs/LAB.md gives the command).</param>
public sealed record ExperimentProfile(SuiteProfile Profile, string Description, double EstimatedSeconds);

/// <summary>Where and how one experiment suite runs.</summary>
/// <param name="Profile">Its size (quick, or tiny for tests).</param>
/// <param name="Seed">First seed of every random draw.</param>
/// <param name="OutDirectory">Where the report, claims and figures go.</param>
public sealed record ExperimentContext(SuiteProfile Profile, ulong Seed, string OutDirectory)
{
    /// <summary>Hears one line per finished step ("relu, n·Var(W) = 2").</summary>
    public Action<string> Progress { get; init; } = _ => { };

    /// <summary>Stops the suite between steps.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>OUT/figures, where every figure and its CSV go.</summary>
    public string FiguresDirectory => Path.Combine(OutDirectory, "figures");
}

/// <summary>What a suite found: the sections of its report.</summary>
/// <param name="Method">How it was measured, one paragraph each (network, data, what is a direct loop).</param>
/// <param name="Claims">The source texts' claims checked on the measurements.</param>
/// <param name="Figures">Its figures, each with the CSV of its numbers.</param>
/// <param name="DataFiles">Other files of numbers it wrote (JSON, CSV), relative to the output directory.</param>
public sealed record ExperimentFindings(IReadOnlyList<string> Method, IReadOnlyList<ClaimResult> Claims, IReadOnlyList<FigureFile> Figures,
    IReadOnlyList<string> DataFiles);

/// <summary>
/// One experiment of the source texts run as a suite of <c>glorot reproduce</c>: its profiles, and a run that measures
/// and checks its claims; <see cref="ExperimentRunner"/> writes the report.
/// </summary>
public interface IExperimentSuite
{
    /// <summary>Its name on the command line ("symmetry").</summary>
    string Name { get; }

    /// <summary>The report's title.</summary>
    string Title { get; }

    /// <summary>What the experiment shows and where the texts say it, one paragraph.</summary>
    string Summary { get; }

    /// <summary>Its profiles, quick first; tiny (tests only) is not listed.</summary>
    IReadOnlyList<ExperimentProfile> Profiles { get; }

    /// <summary>Runs it; writes figures and data files under <see cref="ExperimentContext.OutDirectory"/>.</summary>
    ExperimentFindings Run(ExperimentContext context);
}
