using System.CommandLine;
using System.Globalization;
using Glorot.Lab.Experiments;
using Glorot.Lab.Suites;

namespace Glorot.Cli.Commands;

/// <summary><c>glorot reproduce NAME</c> for the source texts' experiments (<see cref="ExperimentSuites"/>): runs one, prints where its report is.</summary>
internal static class ReproduceExperiment
{
    public static int Run(ParseResult result, IExperimentSuite suite, SuiteProfile profile, string? output, ulong seed, bool list)
    {
        var o = result.InvocationConfiguration.Output;
        var known = UserInput.Check(() => ExperimentSuites.Profile(suite, profile));
        if (list)
        {
            foreach (var p in suite.Profiles)
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{suite.Name} {p.Profile.ToString().ToLowerInvariant()}: about {p.EstimatedSeconds:F0} s on 2 cores; {p.Description}"));
            return ExitCodes.Success;
        }
        string profileText = profile.ToString().ToLowerInvariant();
        string dir = output ?? $"{suite.Name}-{profileText}";
        if (known is not null)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{suite.Name}, {profileText} profile: {known.Description}; expect about {known.EstimatedSeconds:F0} s on 2 cores."));
        using var stop = StopSignals.Listen();
        try
        {
            var outcome = ExperimentRunner.Run(suite, new ExperimentContext(profile, seed, dir)
            {
                Progress = line => o.WriteLine("  " + line),
                Cancellation = stop.Token,
            });
            int holds = outcome.Claims.Count(c => c.Verdict == Glorot.Lab.Claims.Verdict.Holds);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"done in {outcome.Seconds / 60:F1} min; {holds} of {outcome.Claims.Count} claims hold; report: {Path.GetFullPath(outcome.Report)}"));
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            result.InvocationConfiguration.Error.WriteLine($"glorot: stopped; {suite.Name} keeps no partial results, run it again (glorot reproduce {suite.Name} --profile {profileText}).");
            return stop.ExitCode;
        }
    }
}
