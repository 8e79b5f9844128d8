using System.CommandLine;
using Glorot.Cli.Commands;

namespace Glorot.Cli;

/// <summary>Entry point of the <c>glorot</c> command. Each sub-command lives in its own file under Commands/.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given writers (tests call this in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot();
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(config);
        }
        catch (Exception ex) when (CliErrors.IsUserError(ex))
        {
            stderr.WriteLine($"glorot: {CliErrors.Describe(ex)}");
            return CliErrors.UserErrorExitCode;
        }
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "Glorot: initializers with exact semantics, a fast engine for deep feed-forward networks, " +
            "and a lab that reproduces Glorot & Bengio (2010).");
        foreach (var command in CommandList.All())
            root.Subcommands.Add(command);
        return root;
    }
}
