using System.CommandLine;
using System.Diagnostics;
using Glorot.Lab.Suites;

namespace Glorot.Cli.Commands;

/// <summary>
/// <c>glorot report DIR [DIR…] --out OUT</c>: gathers the finished run directories of one suite run from any number
/// of output directories (shards, copies from other machines) and draws its figures, Table 1 and report into OUT.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var directories = new Argument<string[]>("directories") { Description = "output directories of glorot reproduce (shards of one suite run)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "where to write the figures, Table 1 and report.html", Required = true };
        var command = new Command("report",
            "Gather the runs of one suite run from several output directories (e.g. the shards of glorot reproduce --shard i/n), " +
            "check they belong together (suite, profile, seeds, width, learning rates, spec digests) and are finished, and write " +
            "the figures, Table 1 and report.html — the same bytes in every CSV as a suite trained in one process.")
        {
            directories, output,
        };
        command.SetAction(result =>
        {
            var clock = Stopwatch.StartNew();
            string[] sources = result.GetValue(directories) ?? [];
            var gathered = UserInput.Check(() => SuiteGather.Gather(sources)); // every check before anything is written
            string report = SuiteGather.Write(gathered, sources, result.GetValue(output)!, clock.Elapsed.TotalSeconds);
            var o = result.InvocationConfiguration.Output;
            if (gathered.Missing.Count > 0) o.WriteLine($"missing runs (named in the report): {string.Join(", ", gathered.Missing)}");
            o.WriteLine($"{gathered.Results.Count} runs gathered; report: {Path.GetFullPath(report)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
