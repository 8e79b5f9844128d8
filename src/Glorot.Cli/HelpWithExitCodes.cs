using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Glorot.Cli;

/// <summary>The usual <c>--help</c>, followed by the table of exit codes (<see cref="ExitCodes.HelpText"/>).</summary>
internal sealed class HelpWithExitCodes(HelpAction standard) : SynchronousCommandLineAction
{
    /// <summary>A help option (on the root, so every sub-command has it) that ends with the exit codes.</summary>
    public static HelpOption Create()
    {
        var option = new HelpOption();
        option.Action = new HelpWithExitCodes((HelpAction)option.Action!);
        return option;
    }

    public override int Invoke(ParseResult parseResult)
    {
        int code = standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine(ExitCodes.HelpText);
        output.WriteLine();
        return code;
    }
}
