using System.CommandLine;

namespace Glorot.Cli.Commands;

/// <summary>
/// <c>--tensorboard true|false</c>, shared by the commands that train: whether each run also writes TensorBoard
/// events into its <c>tb/</c> folder (on by default; results are the same either way).
/// </summary>
internal static class TensorBoardOption
{
    public static Option<bool> Create() => new("--tensorboard")
    {
        Description = "also write TensorBoard events (scalars and per-layer histograms) to each run's tb/ folder; " +
                      "view with `tensorboard --logdir DIR`; `--tensorboard false` turns it off",
        DefaultValueFactory = _ => true,
    };
}
