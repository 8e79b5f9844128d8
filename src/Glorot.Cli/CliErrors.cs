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

    /// <summary>
    /// The one line to print when drawing failed because SkiaSharp's or HarfBuzzSharp's native library is not there:
    /// the tool package carries them for a few runtimes only (Glorot.Cli.csproj, ToolNativeRuntimes). Null otherwise.
    /// </summary>
    public static string? MissingPlottingLibrary(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e is AggregateException { InnerExceptions: [var only] } ? only : e.InnerException)
            if (e is DllNotFoundException && (e.Message.Contains("SkiaSharp", StringComparison.Ordinal) || e.Message.Contains("HarfBuzzSharp", StringComparison.Ordinal)))
                return "drawing figures needs the SkiaSharp native library, which the glorot tool carries for linux-x64, linux-arm64, osx " +
                       $"and win-x64 only, not {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}; every other command works here. " +
                       "Copy the run directories to one of those systems and run `glorot report` there.";
        return null;
    }

    /// <summary>The message without .NET's " (Parameter 'x')" suffix, which means nothing to a user.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        ArgumentException { ParamName: { } name } => ex.Message.Replace($" (Parameter '{name}')", ""),
        OutOfMemoryException => "Not enough memory for this request; use a smaller shape, batch or data set.",
        _ => ex.Message,
    };
}
