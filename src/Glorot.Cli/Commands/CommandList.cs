using System.CommandLine;

namespace Glorot.Cli.Commands;

/// <summary>The list of sub-commands; each is built by its own file.</summary>
internal static class CommandList
{
    public static IEnumerable<Command> All()
    {
        yield return InitCommand.Create();
        yield return DataCommand.Build();
        yield return GainCommand.Create();
        yield return BenchCommand.Build();
        yield return ReproduceCommand.Create();
        yield return ReportCommand.Create();
        yield return TrainCommand.Create();
        yield return ProbeCommand.Create();
        yield return TheoryCommand.Create();
    }
}
