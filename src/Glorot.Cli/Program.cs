using System.CommandLine;
using System.CommandLine.Help;
using Glorot.Cli.Commands;

namespace Glorot.Cli;

/// <summary>Entry point of the <c>glorot</c> command. Each sub-command lives in its own file under Commands/.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given writers (tests call this in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(BuildRoot(), args, stdout, stderr);

    /// <summary>Runs <paramref name="root"/> with glorot's error policy (tests pass a command of their own).</summary>
    internal static int Run(Command root, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
            {
                // One line per problem and a pointer to the help, instead of the whole help page.
                // System.CommandLine lists allowed values one per line ("Must be one of:\n\t'a'\n\t'b'"): keep one line.
                foreach (var error in parse.Errors)
                    stderr.WriteLine($"glorot: {System.Text.RegularExpressions.Regex.Replace(error.Message, @"\s*\n\s*", " ")}");
                stderr.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
                return ExitCodes.UserError;
            }
            return parse.Invoke(config);
        }
        catch (Exception ex) when (CliErrors.MissingPlottingLibrary(ex) is { } message)
        {
            stderr.WriteLine($"glorot: {message}");
            return ExitCodes.UserError;
        }
        catch (Exception ex) when (CliErrors.IsUserError(ex))
        {
            stderr.WriteLine($"glorot: {CliErrors.Describe(ex)}");
            return ExitCodes.UserError;
        }
        catch (Exception ex)
        {
            CliErrors.WriteBug(stderr, ex);
            return ExitCodes.InternalError;
        }
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is System.CommandLine.Parsing.CommandResult c) names.Insert(0, c.Command.Name);
        return string.Join(' ', names);
    }

    internal static Command BuildRoot()
    {
        // A plain command named "glorot" rather than RootCommand, whose name would be the assembly's
        // (Glorot.Cli: the library already owns the assembly name Glorot, and names compare case-insensitively).
        var root = new Command("glorot",
            "Glorot: initializers with exact semantics, a fast engine for deep feed-forward networks, " +
            "and a lab that reproduces Glorot & Bengio (2010).")
        {
            HelpWithExitCodes.Create(),
            new VersionOption(),
        };
        foreach (var command in CommandList.All())
            root.Subcommands.Add(command);
        return root;
    }
}
