using Glorot.Lab.TensorBoard.Proto;
using Google.Protobuf;

namespace Glorot.Lab.TensorBoard;

/// <summary>
/// One TensorBoard event file: TFRecord-framed <c>Event</c> protos (tensorboard/compat/proto/event.proto), the first
/// of which names the format version, as TensorFlow's EventsWriter writes them. Events are appended in batches, each
/// batch in one write, and the file is closed between batches, so that a run killed at any point leaves every complete
/// batch readable and a checkpoint can record (and a resume cut back to) the file's length.
/// </summary>
internal sealed class EventFile(string path)
{
    /// <summary>The file's name: TensorBoard reads every file whose name holds "tfevents" (tensorboard/backend/event_processing/io_wrapper.py).</summary>
    public const string FileName = "events.out.tfevents.glorot";

    /// <summary>The version string of the first event (event.proto: "Current version is brain.Event:2").</summary>
    public const string FileVersion = "brain.Event:2";

    /// <summary>Seconds since the Unix epoch, as event.proto's <c>wall_time</c> holds them.</summary>
    public static double Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>Where the events go.</summary>
    public string Path { get; } = path;

    /// <summary>Appends <paramref name="events"/>; a new or empty file first gets the version event.</summary>
    public void Append(IEnumerable<Event> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var batch = new MemoryStream();
        if (!File.Exists(Path) || new FileInfo(Path).Length == 0)
            TfRecord.Write(batch, new Event { WallTime = Now, FileVersion = FileVersion }.ToByteArray());
        foreach (var e in events) TfRecord.Write(batch, e.ToByteArray());
        if (batch.Length == 0) return;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        batch.Position = 0;
        batch.CopyTo(file);
    }
}
