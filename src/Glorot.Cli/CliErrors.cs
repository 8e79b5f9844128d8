namespace Glorot.Cli;

/// <summary>
/// What counts as the user's mistake rather than a bug. The user's: <see cref="UserInputException"/> (raised where
/// options, specs and names are checked, <see cref="UserInput"/>), a file system that refuses (missing file,
/// permissions, full disk: <see cref="IOException"/>, <see cref="UnauthorizedAccessException"/>), a suite's run that its
/// own preparation refused (<see cref="Glorot.Lab.Suites.RunRefusedException"/>) and a corrupt
/// file (<see cref="InvalidDataException"/>, which the library's readers throw for data they cannot read). Anything
/// else — an <see cref="ArgumentException"/> or <see cref="OutOfMemoryException"/> outside that boundary
/// included — is a bug, printed with its stack trace.
/// </summary>
internal static class CliErrors
{
    /// <summary>True when <paramref name="ex"/> (or the single exception an <see cref="AggregateException"/> wraps) is the user's.</summary>
    public static bool IsUserError(Exception ex) =>
        Unwrap(ex) is UserInputException or Glorot.Lab.Suites.RunRefusedException or IOException or UnauthorizedAccessException or InvalidDataException;

    /// <summary>The one line to print for a user error.</summary>
    public static string Describe(Exception ex) => UserInput.Describe(Unwrap(ex));

    /// <summary>What a bug prints: what happened, the full stack trace, and what to do with it.</summary>
    public static void WriteBug(TextWriter stderr, Exception ex)
    {
        stderr.WriteLine($"glorot: internal error (a bug in glorot, not in your input): {ex.GetType().FullName}: {ex.Message}");
        stderr.WriteLine(ex.ToString());
        stderr.WriteLine($"glorot: please report this with the command line and the trace above (exit {ExitCodes.InternalError}).");
    }

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

    // Parallel work (a suite's concurrent runs) reports one failure wrapped in an AggregateException.
    private static Exception Unwrap(Exception ex)
    {
        while (ex is AggregateException { InnerExceptions: [var only] }) ex = only;
        return ex;
    }
}
