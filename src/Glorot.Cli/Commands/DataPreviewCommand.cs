using System.CommandLine;
using Glorot.Lab.Figures;

namespace Glorot.Cli.Commands;

/// <summary><c>glorot data preview &lt;dataset&gt; --out grid.png</c>: a labelled grid of examples (the paper's Figure 1).</summary>
internal static class DataPreviewCommand
{
    public static Command Build()
    {
        var common = new DataCommand.CommonOptions();
        var output = new Option<string>("--out") { Description = "PNG file to write", Required = true };
        var rows = new Option<int>("--rows") { Description = "rows of the grid", DefaultValueFactory = _ => 5 };
        var columns = new Option<int>("--columns", "--cols") { Description = "columns of the grid", DefaultValueFactory = _ => 10 };
        var first = new Option<long>("--first") { Description = "index of the first example shown", DefaultValueFactory = _ => 0L };
        var scale = new Option<int>("--scale") { Description = "screen pixels per image pixel", DefaultValueFactory = _ => 4 };
        var csv = new Option<string?>("--csv") { Description = "also write the grid's example indices and labels as CSV" };

        var command = new Command("preview",
            "Draw a labelled grid of examples (like Figure 1 of Glorot & Bengio 2010: 5 rows of 10 Shapeset images).");
        common.AddTo(command);
        foreach (var option in new Option[] { output, rows, columns, first, scale, csv }) command.Options.Add(option);
        command.SetAction(result =>
        {
            int r = result.GetValue(rows), c = result.GetValue(columns), s = result.GetValue(scale);
            long start = result.GetValue(first);
            if (r is < 1 or > 100 || c is < 1 or > 100) throw new UserInputException("--rows and --columns must be 1 to 100.");
            if (s is < 1 or > 32) throw new UserInputException("--scale must be 1 to 32.");
            string path = result.GetRequiredValue(output);
            var csvPath = result.GetValue(csv);
            foreach (var (option, file) in new[] { ("--out", path), ("--csv", csvPath) })
                if (file is not null && Directory.Exists(file))
                    throw new UserInputException($"{option} {file} is a directory; give a file name, e.g. {(option == "--out" ? "grid.png" : "grid.csv")}.");
            var data = common.OpenSplit(result);
            long count = Math.Min((long)r * c, data.Count - start);
            if (start < 0 || count <= 0)
                throw new UserInputException($"--first {start} is outside {data.Name}, which has examples 0 to {data.Count - 1}.");
            var indices = Enumerable.Range(0, (int)count).Select(k => start + k).ToArray();
            string title = $"{data.Name}: examples {start}–{start + count - 1}" +
                (data is Glorot.Data.Shapeset shapeset ? $" (seed {shapeset.Seed})" : "");
            UserInput.Check(() => DataPreview.SavePng(data, indices, c, path, s, title));
            var stdout = result.InvocationConfiguration.Output;
            long gridRows = (count + c - 1) / c;
            stdout.WriteLine($"wrote {path}: {count} examples of {data.Name} in {gridRows} row{(gridRows == 1 ? "" : "s")} of {c}");
            if (csvPath is not null)
            {
                Glorot.IO.AtomicFile.WriteAllText(csvPath, DataPreview.Csv(data, indices, c));
                stdout.WriteLine($"wrote {csvPath}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
