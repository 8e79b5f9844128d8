using System.Text.Json;

namespace Glorot.Lab.Runs;

/// <summary>
/// What a checkpoint needs besides the weights to continue bit-identically: the step (the data stream is a pure
/// function of it) and the running training-loss sums since the last evaluation. Plain SGD has no other state.
/// </summary>
internal sealed record RunState(long Step, double TrainLossSum, long TrainCorrect, long TrainCount, double Seconds)
{
    public const string FileName = "state.json";

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public void Save(string directory) => File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Options));

    public static RunState Load(string directory)
    {
        string path = Path.Combine(directory, FileName);
        try
        {
            return JsonSerializer.Deserialize<RunState>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{path}: holds null, not a run state.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid run state: {ex.Message}", ex);
        }
    }
}
