using Glorot.Lab.Runs;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Glorot.Cli.Commands;

/// <summary>
/// A progress column with <see cref="ProgressEta"/>'s estimate: blank until it is meaningful. A task's
/// <see cref="ProgressTask.Tag"/> holds the value it started at (a double); a task without one shows nothing.
/// </summary>
internal sealed class EtaColumn : ProgressColumn
{
    /// <inheritdoc />
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        if (task.IsFinished || task.Tag is not double start || task.ElapsedTime is not { } elapsed
            || ProgressEta.Remaining(start, task.Value, task.MaxValue, elapsed) is not { } left)
            return new Text("");
        return new Text("ETA " + ProgressEta.Format(left), new Style(Color.Blue));
    }

    /// <inheritdoc />
    public override int? GetColumnWidth(RenderOptions options) => 12;
}
