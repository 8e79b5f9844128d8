using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glorot.Data;

namespace Glorot.Cli.Commands;

/// <summary><c>glorot data stats &lt;dataset&gt;</c>: class frequencies and pixel statistics of each split.</summary>
internal static class DataStatsCommand
{
    /// <summary>The largest --count: statistics settle long before, and the endless Shapeset stream must end.</summary>
    public const long MaxCount = 10_000_000;

    public static Command Build()
    {
        var common = new DataCommand.CommonOptions();
        var count = new Option<long?>("--count")
        {
            Description = "examples counted per split (default: all of a file split; 10,000 of Shapeset's endless training stream)",
        };
        var json = new Option<bool>("--json") { Description = "print JSON instead of tables" };
        var command = new Command("stats", "Print class frequencies (with Shapeset's theoretical ones) and pixel statistics of every split (or of --split).");
        common.AddTo(command);
        command.Options.Add(count);
        command.Options.Add(json);
        command.SetAction(result =>
        {
            var splits = common.Open(result);
            long? wanted = result.GetValue(count);
            if (wanted is <= 0) throw new UserInputException("--count must be positive.");
            // Shapeset's training stream is endless: a count must end in reasonable time (about 20,000 images/s).
            if (wanted > MaxCount)
                throw new UserInputException($"--count {wanted:N0} is more than {MaxCount:N0} examples (about 10 minutes of Shapeset images); give a smaller count.");
            // Every split, unless --split names one.
            IDataset[] chosen = result.GetResult(common.Split) is { Implicit: false }
                ? [common.OpenSplit(splits, result)]
                : [splits.Train, splits.Validation, splits.Test];
            // A split with no examples (a user's empty file set) is refused by the count check: the user's data.
            var stats = UserInput.Check(() => DatasetStatistics.Of(chosen, wanted));
            bool isShapeset = splits.Train is Shapeset;
            var stdout = result.InvocationConfiguration.Output;
            if (result.GetValue(json)) WriteJson(stdout, stats, isShapeset);
            else WriteTables(stdout, splits.Train, stats, isShapeset);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTables(TextWriter o, IDataset train, DatasetStatistics[] stats, bool isShapeset)
    {
        var ci = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(ci, $"{train.Name.Split('/')[0]}: {train.Shape} images, {train.InputSize} inputs, {train.ClassCount} classes"));
        foreach (var s in stats)
        {
            o.WriteLine();
            o.WriteLine(string.Create(ci, $"{s.Name}: {s.Examples:N0} examples counted"));
            o.WriteLine(isShapeset ? "  label  class                     count   fraction  theory" : "  label  class                     count   fraction");
            var freq = s.ClassFrequencies;
            for (var c = 0; c < s.ClassCounts.Length; c++)
            {
                string line = string.Create(ci, $"  {c,5}  {s.ClassNames[c],-22} {s.ClassCounts[c],8:N0}   {freq[c],8:F4}");
                if (isShapeset) line += string.Create(ci, $"  {ShapesetClasses.TheoreticalFrequencies[c],6:F4}");
                o.WriteLine(line);
            }
            string theory = isShapeset ? " (theory 5/6 = 0.8333)" : "";
            o.WriteLine(string.Create(ci, $"  constant-predictor error {s.ConstantPredictorError:F4}{theory}"));
            o.WriteLine(string.Create(ci, $"  pixels (v/255): mean {s.PixelMean:F4}  std {s.PixelStd:F4}  min {s.PixelMin:F4}  max {s.PixelMax:F4}"));
        }
    }

    private static void WriteJson(TextWriter o, DatasetStatistics[] stats, bool isShapeset)
    {
        var splits = stats.Select(s => new
        {
            name = s.Name,
            examples = s.Examples,
            classes = s.ClassNames,
            class_counts = s.ClassCounts,
            class_frequencies = s.ClassFrequencies,
            theoretical_frequencies = isShapeset ? ShapesetClasses.TheoreticalFrequencies : null,
            constant_predictor_error = s.ConstantPredictorError,
            pixel_mean = s.PixelMean,
            pixel_std = s.PixelStd,
            pixel_min = s.PixelMin,
            pixel_max = s.PixelMax,
        });
        o.WriteLine(JsonSerializer.Serialize(new { splits }, new JsonSerializerOptions { WriteIndented = true }));
    }
}
