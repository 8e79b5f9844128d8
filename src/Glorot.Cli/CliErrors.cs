namespace Glorot.Cli;

/// <summary>What counts as the user's mistake (bad flag value, unreadable file) rather than a bug.</summary>
internal static class CliErrors
{
    public const int UserErrorExitCode = 2;

    /// <summary>
    /// User errors get one line on stderr and exit code 2; anything else is a bug and keeps its stack trace.
    /// </summary>
    public static bool IsUserError(Exception ex) =>
        ex is ArgumentException or FormatException or IOException or UnauthorizedAccessException
            or InvalidDataException or NotSupportedException or OutOfMemoryException;

    /// <summary>The message without .NET's " (Parameter 'x')" suffix, which means nothing to a user.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        ArgumentException { ParamName: { } name } => ex.Message.Replace($" (Parameter '{name}')", ""),
        OutOfMemoryException => "Not enough memory for this request; use a smaller shape, batch or data set.",
        _ => ex.Message,
    };
}
