using System.Text.Json;

namespace Glorot.Lab.Runs;

/// <summary>
/// What a checkpoint needs besides the weights to continue bit-identically: the step (the data stream is a pure
/// function of it), the running training-loss sums since the last evaluation, the latest evaluation (so that a
/// resumed finished run reports its result), and the length of every results file when the checkpoint was taken
/// (resume cuts each file back to it, so rows written after the checkpoint, or torn by a kill, go). The optimizer's
/// momentum buffers are files of the checkpoint (<see cref="Glorot.Nn.SgdCheckpoint"/>); its learning rate is a
/// function of the step. <c>state.json</c> is written last: a checkpoint without a valid one is incomplete.
/// </summary>
internal sealed record RunState(long Step, double TrainLossSum, long TrainCorrect, long TrainCount, double Seconds)
{
    public const string FileName = "state.json";

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>The test error of the latest evaluation at or before <see cref="Step"/>.</summary>
    public double? TestError { get; init; }

    /// <summary>The validation error of the latest evaluation at or before <see cref="Step"/>.</summary>
    public double? ValidationError { get; init; }

    /// <summary>Wall time by phase up to the checkpoint (<see cref="RunTimings.Snapshot"/>); null in checkpoints written before timings existed.</summary>
    public Dictionary<string, PhaseTime>? Timings { get; init; }

    /// <summary>Bytes of each results file (by file name) when the checkpoint was written.</summary>
    public Dictionary<string, long> FileLengths { get; init; } = [];

    public void Save(string directory) =>
        Glorot.IO.AtomicFile.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Options));

    /// <summary>Reads and checks a state; <paramref name="files"/> are the file names whose lengths it must record.</summary>
    /// <exception cref="InvalidDataException">Missing, not JSON, or a value that cannot be (a negative step, …).</exception>
    public static RunState Load(string directory, IEnumerable<string> files)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: missing (the checkpoint was not finished).");
        RunState state;
        try
        {
            state = JsonSerializer.Deserialize<RunState>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{path}: holds null, not a run state.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid run state: {ex.Message}", ex);
        }
        string? problem =
            state.Step < 0 ? $"step {state.Step} is negative"
            : state.TrainCount < 0 || state.TrainCorrect < 0 || state.TrainCorrect > state.TrainCount ? "the training counts are inconsistent"
            : !double.IsFinite(state.TrainLossSum) || !double.IsFinite(state.Seconds) || state.Seconds < 0 ? "a sum or the seconds are not finite"
            : state.FileLengths is null ? "file_lengths is missing"
            : files.FirstOrDefault(f => !state.FileLengths.TryGetValue(f, out long n) || n < 0) is { } file ? $"the length of {file} is missing or negative"
            : null;
        if (problem is not null) throw new InvalidDataException($"{path}: not a valid run state: {problem}.");
        return state;
    }
}
