using System.Runtime.InteropServices;

namespace Glorot.Cli.Commands;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM (what Slurm, Kubernetes and systemd send before they kill a job) both stop a
/// training command at its next update, with a checkpoint there; the command then exits with
/// <see cref="ExitCode"/>: 130 after SIGINT, 143 after SIGTERM (128 + the signal's number, the shell's convention).
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _exitCode = ExitCodes.Interrupted;

    private StopSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, ExitCodes.Interrupted));
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, ExitCodes.Terminated));
    }

    /// <summary>Starts listening; dispose to restore the default handling.</summary>
    public static StopSignals Listen() => new();

    /// <summary>Cancelled when a stop signal arrives.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The exit code for the signal that arrived (130 when none did).</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>Acts as if <paramref name="exitCode"/>'s signal arrived (tests).</summary>
    internal void Request(int exitCode)
    {
        Volatile.Write(ref _exitCode, exitCode);
        _stop.Cancel();
    }

    private void Stop(PosixSignalContext context, int exitCode)
    {
        // Keep the process alive: the run writes its checkpoint and returns. A second signal kills it as usual.
        if (_stop.IsCancellationRequested) return;
        context.Cancel = true;
        Request(exitCode);
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }
}
