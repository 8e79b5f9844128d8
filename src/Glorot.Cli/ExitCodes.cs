namespace Glorot.Cli;

/// <summary>
/// Every exit code <c>glorot</c> uses, in one place; <c>glorot --help</c> lists them (<see cref="HelpText"/>).
/// Codes above 2 follow common Unix conventions so that scripts and job schedulers read them as usual.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary><c>glorot init --verify</c> found that the draw is not what the scheme describes.</summary>
    public const int VerifyFailed = 1;

    /// <summary>The request cannot be done as given: a bad option, file or spec, a size beyond the memory, a full disk.</summary>
    public const int UserError = 2;

    /// <summary><c>glorot train</c>: the loss stopped being finite; the last good checkpoint is kept.</summary>
    public const int Diverged = 3;

    /// <summary>A bug in glorot (not in the input): the stack trace is printed. 70 is sysexits.h's EX_SOFTWARE.</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by Ctrl+C at a checkpoint (128 + SIGINT 2, the shell's convention).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM at a checkpoint (128 + SIGTERM 15).</summary>
    public const int Terminated = 143;

    /// <summary>The table printed under <c>glorot --help</c>.</summary>
    public static string HelpText =>
        $"""
        Exit codes:
          {Success,-4}success
          {VerifyFailed,-4}init --verify: the draw failed its self-test
          {UserError,-4}the request cannot be done as given (bad option, file or spec; too large for memory; disk full)
          {Diverged,-4}train: the loss became non-finite (the last good checkpoint is kept)
          {InternalError,-4}a bug in glorot: the message and stack trace are printed; please report them
          {Interrupted,-4}stopped by Ctrl+C at a checkpoint (continue with --resume)
          {Terminated,-4}stopped by SIGTERM at a checkpoint (continue with --resume)
        """;
}
