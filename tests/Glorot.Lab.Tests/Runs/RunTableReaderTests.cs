using Glorot.IO;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Runs;

public sealed class RunTableReaderTests
{
    private static readonly CsvSchema Schema = new("t.csv",
        new("step", CsvKind.Integer), new("quantity", CsvKind.Text), new("x", CsvKind.Number), new("y", CsvKind.OptionalNumber),
        new("z", CsvKind.OptionalNumber, Added: true));

    [Fact]
    public void What_the_table_writes_the_reader_reads_back_bit_for_bit()
    {
        using var temp = new TempDirectory();
        var table = new CsvTable(temp.Sub("t.csv"), Schema);
        table.Create();
        var random = new System.Random(5);
        var written = new List<(long, string, double, double?, double?)>();
        for (int i = 0; i < 200; i++)
        {
            // Doubles over the whole exponent range, negative ones, subnormals, and empty optional cells.
            double x = BitConverter.Int64BitsToDouble(random.NextInt64(0, 0x7FEFFFFFFFFFFFFF)) * (i % 2 == 0 ? 1 : -1);
            double? y = i % 3 == 0 ? null : random.NextDouble() * double.Epsilon * 1e6;
            written.Add((i * 10L, i % 2 == 0 ? "activation" : "weight_gradient", x, y, i % 5 == 0 ? null : i));
            table.Append(i * 10L, written[^1].Item2, x, y, written[^1].Item5);
        }
        var read = RunTableReader.Read(table.Path, Schema, r => (r.Integer("step"), r.Text("quantity"), r.Number("x"), r.OptionalNumber("y"), r.OptionalNumber("z")));
        Assert.Equal(written, read);
    }

    [Fact]
    public void A_file_from_before_an_added_column_reads_it_as_empty()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Sub("old.csv"), "step,quantity,x,y\n5,activation,0.5,\n");
        var row = Assert.Single(RunTableReader.Read(temp.Sub("old.csv"), Schema, r => (r.Integer("step"), r.OptionalNumber("y"), r.OptionalNumber("z"))));
        Assert.Equal((5L, (double?)null, (double?)null), row);
    }

    [Fact]
    public void Missing_required_columns_are_all_named()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Sub("bad.csv"), "step,y\n");
        var ex = Assert.Throws<InvalidDataException>(() => RunTableReader.Read(temp.Sub("bad.csv"), Schema, r => r.Integer("step")));
        Assert.Contains("no column 'quantity', no column 'x';", ex.Message);
        Assert.DoesNotContain("'z'", ex.Message);
    }

    [Fact]
    public void Asking_for_an_undeclared_column_or_another_kind_is_a_programming_error()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Sub("t.csv"), "step,quantity,x,y,z\n5,activation,0.5,,\n");
        Assert.Throws<ArgumentException>(() => RunTableReader.Read(temp.Sub("t.csv"), Schema, r => r.Number("w")));
        Assert.Throws<InvalidOperationException>(() => RunTableReader.Read(temp.Sub("t.csv"), Schema, r => r.Number("y")));
    }

    [Fact]
    public void A_last_line_without_its_line_break_is_torn_and_only_the_complete_rows_reader_leaves_it_out()
    {
        using var temp = new TempDirectory();
        string path = temp.Sub("t.csv");
        File.WriteAllText(path, "step,quantity,x,y\n5,activation,0.5,\n10,activation,0.2,\n2");
        Assert.Equal([5L, 10L], RunTableReader.ReadCompleteRows(path, Schema, r => r.Integer("step")));
        Assert.Contains("line 4", Assert.Throws<InvalidDataException>(() => RunTableReader.Read(path, Schema, r => r.Integer("step"))).Message);
        File.AppendAllText(path, "0,activation,0.1,\n"); // completed: the row counts
        Assert.Equal([5L, 10L, 20L], RunTableReader.ReadCompleteRows(path, Schema, r => r.Integer("step")));
    }

    [Fact]
    public void A_row_the_parser_refuses_is_named_with_its_line()
    {
        using var temp = new TempDirectory();
        string path = temp.Sub("t.csv");
        File.WriteAllText(path, "step,quantity,x,y\n5,activation,-1,\n");
        var ex = Assert.Throws<InvalidDataException>(() => RunTableReader.Read(path, Schema,
            r => r.Number("x") >= 0 ? r.Number("x") : throw new InvalidDataException("x is negative.")));
        Assert.Contains("line 2 '5,activation,-1,': x is negative.", ex.Message);
    }

    [Fact]
    public void The_run_schemas_name_the_files_of_a_run_directory()
    {
        var dir = new RunDirectory("/r");
        Assert.Equal(Path.GetFileName(dir.Metrics), RunSchemas.Metrics.FileName);
        Assert.Equal(Path.GetFileName(dir.Probes), RunSchemas.ProbeSummary.FileName);
        Assert.Equal(Path.GetFileName(dir.Histograms), RunSchemas.ProbeHistograms.FileName);
        Assert.Equal(Path.GetFileName(dir.Timings), RunSchemas.Timings.FileName);
    }
}
