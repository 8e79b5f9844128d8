namespace Glorot.Cli.Tests.Commands;

/// <summary>Runs the glorot command line in-process and captures what it prints.</summary>
internal static class CliRun
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
