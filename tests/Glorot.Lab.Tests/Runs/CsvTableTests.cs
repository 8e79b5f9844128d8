using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Runs;

public sealed class CsvTableTests
{
    [Fact]
    public void Truncation_keeps_the_header_and_rows_up_to_the_step()
    {
        using var temp = new TempDirectory();
        var table = new CsvTable(temp.Sub("t.csv"), "step", "x");
        table.Create();
        table.Append([[0, 1.5], [10, 2.5], [20, 0.1 + 0.2]]);
        table.TruncateAfter(10);
        Assert.Equal(["step,x", "0,1.5", "10,2.5"], File.ReadAllLines(table.Path));
    }

    [Fact]
    public void Doubles_are_written_in_round_trip_form()
    {
        Assert.Equal(0.1 + 0.2, double.Parse(CsvTable.Cell(0.1 + 0.2), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("", CsvTable.Cell(null));
    }

    [Theory]
    [InlineData("other,header\n0,1\n", "header")]
    [InlineData("step,x\nabc,1\n", "line 2")]
    [InlineData("", "header")]
    public void A_foreign_or_corrupt_file_is_rejected_naming_it(string content, string expected)
    {
        using var temp = new TempDirectory();
        string path = temp.Sub("metrics.csv");
        File.WriteAllText(path, content);
        var ex = Assert.Throws<InvalidDataException>(() => new CsvTable(path, "step", "x").TruncateAfter(5));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void A_missing_file_cannot_be_resumed()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new CsvTable("/nonexistent/m.csv", "step").TruncateAfter(0));
        Assert.Contains("cannot be resumed", ex.Message);
    }
}
