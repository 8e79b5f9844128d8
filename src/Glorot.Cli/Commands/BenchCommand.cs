using System.CommandLine;

namespace Glorot.Cli.Commands;

/// <summary><c>glorot bench</c>: speed measurements of the engine (<c>train</c>; others may join).</summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var bench = new Command("bench",
            "Measure the engine's speed on this machine. Run on an idle machine and compare with the anchors in " +
            "bench/ (numpy/OpenBLAS, PyTorch); docs/BENCHMARKS.md has reference figures.");
        bench.Subcommands.Add(BenchTrainCommand.Build());
        return bench;
    }
}
