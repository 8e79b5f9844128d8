namespace Glorot.Lab.Runs;

/// <summary>How a run ended.</summary>
public enum RunStatus
{
    /// <summary>All planned updates were done.</summary>
    Completed,

    /// <summary>A non-finite loss stopped training; the last good checkpoint is kept.</summary>
    Diverged,

    /// <summary>Stopped on request; a checkpoint at the stopping step allows <c>--resume</c>.</summary>
    Cancelled,

    /// <summary>Stopped at <see cref="RunOptions.StopAt"/> before the planned updates; a checkpoint there allows <c>--resume</c>.</summary>
    Paused,
}

/// <summary>
/// Where training diverged. One convention, stated in <see cref="Message"/> and in divergence.json: updates are
/// counted from 1 ("update k" is the k-th SGD update; 0 = at initialization), and layers are named as in the
/// paper's figures, "1" being the first hidden layer, with "output" for the softmax layer.
/// </summary>
/// <param name="FailedUpdate">The update after (or during) which a non-finite value appeared; 0 = at initialization.</param>
/// <param name="Layer">The first non-finite layer: "1", "2", … (hidden layers, 1 = the first), "output"; null when
/// every layer's outputs were finite and only the loss was not.</param>
/// <param name="Message">One sentence that says all of it.</param>
/// <param name="LastCheckpointStep">The update of the last checkpoint written, all of whose weights are finite; null when
/// none was written.</param>
public sealed record DivergenceInfo(long FailedUpdate, string? Layer, string Message, long? LastCheckpointStep)
{
    /// <summary>The name of the softmax (output) layer.</summary>
    public const string OutputLayer = "output";

    /// <summary>The convention <see cref="Message"/> states.</summary>
    public const string Convention = "updates are counted from 1; layer 1 is the first hidden layer, as in the paper, and 'output' the softmax layer";

    /// <summary>The numbering this record uses (<see cref="Convention"/>), so that divergence.json states it too.</summary>
    public string Numbering => Convention;

    /// <summary>The name of dense layer <paramref name="denseLayer"/> (0-based, as in <see cref="Glorot.Nn.Mlp"/>) of a
    /// network of <paramref name="layerCount"/> dense layers: its 1-based hidden-layer number, "output" for the last,
    /// null for −1 (no layer).</summary>
    public static string? LayerName(int denseLayer, int layerCount) =>
        denseLayer < 0 ? null
        : denseLayer == layerCount - 1 ? OutputLayer
        : (denseLayer + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The record with its message: what happened, where, and the convention.</summary>
    public static DivergenceInfo Create(long failedUpdate, string? layer, string what, long? lastCheckpointStep)
    {
        string kept = lastCheckpointStep is { } c ? $"the last good checkpoint is at update {c}" : "no checkpoint was written";
        return new DivergenceInfo(failedUpdate, layer,
            $"training diverged at update {failedUpdate}: {what}; first non-finite layer: {layer ?? "none (only the loss)"}; {kept} ({Convention}).",
            lastCheckpointStep);
    }
}

/// <summary>The outcome of <see cref="Runner.Run"/>.</summary>
public sealed record RunResult(string Name, RunDirectory Directory, RunStatus Status, long Steps, double Seconds,
    double? FinalTestError, double? FinalValidationError, DivergenceInfo? Divergence);
