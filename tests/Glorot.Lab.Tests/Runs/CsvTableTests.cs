using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Runs;

public sealed class CsvTableTests
{
    [Fact]
    public void Truncation_cuts_back_to_the_recorded_length_dropping_later_and_torn_rows()
    {
        using var temp = new TempDirectory();
        var table = new CsvTable(temp.Sub("t.csv"), "step", "x");
        table.Create();
        table.Append([[0, 1.5], [10, 2.5]]);
        long checkpoint = new FileInfo(table.Path).Length;
        table.Append([[20, 0.1 + 0.2]]);
        File.AppendAllText(table.Path, "3"); // a row torn by a kill: "3" would parse as step 3 if read by content
        table.TruncateTo(checkpoint);
        Assert.Equal(["step,x", "0,1.5", "10,2.5"], File.ReadAllLines(table.Path));
        table.Append([[20, 7]]);
        Assert.Equal(["step,x", "0,1.5", "10,2.5", "20,7"], File.ReadAllLines(table.Path));
    }

    [Fact]
    public void Doubles_are_written_in_round_trip_form()
    {
        Assert.Equal(0.1 + 0.2, double.Parse(CsvTable.Cell(0.1 + 0.2), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("", CsvTable.Cell(null));
    }

    [Theory]
    [InlineData("other,header\n0,1\n", 5, "header")]
    [InlineData("", 5, "header")]
    [InlineData("step,x\n0,1\n", 100, "fewer than the 100")]
    [InlineData("step,x\n0,1\n", 3, "less than the header")]
    public void A_foreign_short_or_corrupt_file_is_rejected_naming_it(string content, long length, string expected)
    {
        using var temp = new TempDirectory();
        string path = temp.Sub("metrics.csv");
        File.WriteAllText(path, content);
        var ex = Assert.Throws<InvalidDataException>(() => new CsvTable(path, "step", "x").TruncateTo(length));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_file_cannot_be_resumed()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new CsvTable("/nonexistent/m.csv", "step").TruncateTo(0));
        Assert.Contains("cannot be resumed", ex.Message);
    }
}
