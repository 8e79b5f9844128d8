using System.CommandLine;

namespace Glorot.Cli.Commands;

/// <summary><c>glorot bench</c>: speed measurements of the engine (<c>train</c>; others may join).</summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var bench = new Command("bench",
            "Measure the engine's speed on this machine (run it on an idle machine; other processes' load lowers the figures).");
        bench.Subcommands.Add(BenchTrainCommand.Build());
        return bench;
    }
}
