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
            int s = result.GetValue(scale);
            if (s is < 1 or > 32) throw new UserInputException("--scale must be 1 to 32.");
            string path = result.GetRequiredValue(output);
            var csvPath = result.GetValue(csv);
            foreach (var (option, file) in new[] { ("--out", path), ("--csv", csvPath) })
                if (file is not null && Directory.Exists(file))
                    throw new UserInputException($"{option} {file} is a directory; give a file name, e.g. {(option == "--out" ? "grid.png" : "grid.csv")}.");
            var data = common.OpenSplit(result);
            var grid = UserInput.Check(() => DataPreview.Grid(data, result.GetValue(rows), result.GetValue(columns), result.GetValue(first)));
            DataPreview.Write(data, grid, path, s, csvPath);
            var stdout = result.InvocationConfiguration.Output;
            stdout.WriteLine($"wrote {path}: {grid.Indices.Count} examples of {data.Name} in {grid.Rows} row{(grid.Rows == 1 ? "" : "s")} of {grid.Columns}");
            if (csvPath is not null) stdout.WriteLine($"wrote {csvPath}");
            return ExitCodes.Success;
        });
        return command;
    }
}
