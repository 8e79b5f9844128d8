using System.CommandLine;
using Glorot.Data;

namespace Glorot.Cli.Commands;

/// <summary><c>glorot data</c>: look at the data sets (<c>preview</c>, <c>stats</c>).</summary>
internal static class DataCommand
{
    public static Command Build()
    {
        var data = new Command("data",
            "Data sets: Shapeset-3×2 (generated), MNIST, Fashion-MNIST, CIFAR-10 (from their files). " +
            "Preview a labelled grid of examples or print class frequencies and pixel statistics.");
        data.Subcommands.Add(DataPreviewCommand.Build());
        data.Subcommands.Add(DataStatsCommand.Build());
        return data;
    }

    /// <summary>The options every <c>data</c> sub-command shares.</summary>
    internal sealed class CommonOptions
    {
        public Argument<string> Dataset { get; } = new("dataset")
        {
            Description = "shapeset, mnist, fashion-mnist or cifar10",
        };

        public Option<string?> Path { get; } = new("--path")
        {
            Description = "Directory of the data files: the four IDX files (mnist, fashion-mnist; plain or .gz) or " +
                $"CIFAR-10's binary batches. fashion-mnist defaults to {MnistFamily.DebianFashionMnistDirectory} " +
                "(Debian's dataset-fashion-mnist) when present; shapeset needs none.",
        };

        public Option<string> Split { get; } = new("--split")
        {
            Description = "train, validation or test",
            DefaultValueFactory = _ => "train",
        };

        public Option<ulong> Seed { get; } = new("--seed")
        {
            Description = "Shapeset: seed of the training stream (validation and test are fixed sets)",
            DefaultValueFactory = _ => 0UL,
        };

        public Option<bool> Grey { get; } = new("--grey")
        {
            Description = "CIFAR-10: 1024 grey inputs (BT.601 luma) instead of 3072 RGB",
        };

        public CommonOptions()
        {
            Dataset.AcceptOnlyFromAmong([.. DatasetCatalog.Names]);
            Split.AcceptOnlyFromAmong("train", "validation", "test");
        }

        public void AddTo(Command command)
        {
            command.Arguments.Add(Dataset);
            command.Options.Add(Path);
            command.Options.Add(Split);
            command.Options.Add(Seed);
            command.Options.Add(Grey);
        }

        public DataSplits Open(ParseResult result)
        {
            // Options that mean nothing for this data set are refused rather than silently ignored.
            string name = result.GetRequiredValue(Dataset);
            if (result.GetValue(Grey) && name != "cifar10") throw new UserInputException($"--grey applies to cifar10 only, not {name}.");
            if (result.GetResult(Seed) is { Implicit: false } && name != "shapeset")
                throw new UserInputException($"--seed applies to shapeset only (the training stream's seed), not {name}.");
            if (result.GetValue(Path) is not null && name == "shapeset")
                throw new UserInputException("--path does not apply to shapeset: it is generated, not read from files.");
            return UserInput.Check(() => DatasetCatalog.Open(name,
                new DatasetOptions(result.GetValue(Path), PixelScaling.ZeroOne, result.GetValue(Seed), result.GetValue(Grey))));
        }

        public IDataset OpenSplit(ParseResult result) => OpenSplit(Open(result), result);

        public IDataset OpenSplit(DataSplits splits, ParseResult result)
        {
            return result.GetValue(Split) switch
            {
                "validation" => splits.Validation,
                "test" => splits.Test,
                _ => splits.Train,
            };
        }
    }
}
