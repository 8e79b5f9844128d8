using System.CommandLine;

namespace Glorot.Cli.Commands;

/// <summary>
/// <c>--threads N</c>, shared by every command that trains or probes: sets <see cref="Compute.DefaultThreads"/>
/// for the whole process (runs trained side by side split it among themselves). Without it, a set
/// GLOROT_THREADS must be valid; unset, the engine uses the CPUs this process may run on.
/// </summary>
internal static class ThreadsOption
{
    public const string Name = "--threads";

    /// <summary>A new <c>--threads</c> option for one command (values outside 1 … 1024 are parse errors).</summary>
    public static Option<int?> Create()
    {
        var option = new Option<int?>(Name)
        {
            Description = $"compute threads, 1 to {Compute.MaxThreads} (default: ${Compute.EnvironmentVariable}, else the " +
                          $"{Environment.ProcessorCount} CPUs this process may use); results are bit-identical for every count",
        };
        option.Validators.Add(result =>
        {
            // A token that is not an integer already has the parser's own error.
            if (result.Tokens is [var token] && int.TryParse(token.Value, out var n) && n is < 1 or > Compute.MaxThreads)
                result.AddError($"{Name} must be a thread count from 1 to {Compute.MaxThreads}, not {n}.");
        });
        return option;
    }

    /// <summary>
    /// Sets the process's thread count from <c>--threads</c>, else from GLOROT_THREADS (read here, so a bad value
    /// stops the command with a one-line error instead of being ignored).
    /// </summary>
    public static void Apply(ParseResult result) =>
        Apply(result.GetValue<int?>(Name), Environment.GetEnvironmentVariable(Compute.EnvironmentVariable));

    /// <summary>The rule of <see cref="Apply(ParseResult)"/> with the environment passed in (for tests).</summary>
    internal static void Apply(int? flag, string? environment)
    {
        if (flag is { } n) Compute.DefaultThreads = n;
        else if (environment is not null) Compute.DefaultThreads = UserInput.Check(() => Compute.ParseThreads(environment, Compute.EnvironmentVariable));
    }
}
