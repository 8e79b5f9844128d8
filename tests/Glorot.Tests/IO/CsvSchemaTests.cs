using System.Globalization;
using System.Text;
using Glorot.IO;
using Glorot.Probes;

namespace Glorot.Tests.IO;

public sealed class CsvSchemaTests
{
    private static readonly CsvSchema Schema = new("t.csv",
        new("step", CsvKind.Integer), new("name", CsvKind.Text), new("x", CsvKind.Number), new("y", CsvKind.OptionalNumber));

    [Fact]
    public void The_header_is_the_names_in_order()
    {
        Assert.Equal("step,name,x,y", Schema.Header);
        Assert.Equal(["step", "name", "x", "y"], Schema.Names);
        Assert.Equal(2, Schema.IndexOf("x"));
        Assert.Contains("no column 'z'", Assert.Throws<ArgumentException>(() => Schema.IndexOf("z")).Message);
    }

    [Fact]
    public void A_row_is_invariant_round_trip_and_null_is_an_empty_cell_whatever_the_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // decimal comma: would split a cell in two
            var text = new StringBuilder();
            Schema.AppendRow(text, 1_000_000L, "activation", 0.1 + 0.2, null);
            Schema.AppendRow(text, -3, "w", double.Epsilon, 1e300);
            Assert.Equal("1000000,activation,0.30000000000000004,\n-3,w,5E-324,1E+300\n", text.ToString());
            Assert.Equal(0.1 + 0.2, double.Parse("0.30000000000000004", CultureInfo.InvariantCulture));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void A_row_of_another_width_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Schema.AppendRow(new StringBuilder(), 1, "a", 2.0));
    }

    [Theory]
    [InlineData("step", "ten")]          // text in an integer column
    [InlineData("step", 1.5)]            // a fraction in an integer column
    [InlineData("step", null)]           // an empty cell in a required column
    [InlineData("x", "activation")]      // text in a number column
    [InlineData("x", null)]
    [InlineData("y", "n/a")]             // an optional number is a number or empty, nothing else
    public void A_cell_that_would_not_read_back_as_its_column_kind_is_refused_naming_the_column(string column, object? cell)
    {
        object?[] row = [1L, "a", 2.0, null];
        row[Schema.IndexOf(column)] = cell;
        var ex = Assert.Throws<ArgumentException>(() => Schema.AppendRow(new StringBuilder(), row));
        Assert.Contains($"column '{column}'", ex.Message);
    }

    [Fact]
    public void Text_is_quoted_only_where_it_would_break_the_row_and_quoted_text_always()
    {
        var schema = new CsvSchema("t.csv", new("label", CsvKind.Text), new("note", CsvKind.QuotedText), new("at", CsvKind.OptionalInteger));
        var text = new StringBuilder();
        schema.AppendRow(text, "tanh", "plain", null);
        schema.AppendRow(text, "completed 2/3, diverged 1/3", "say \"hi\", twice", 40L);
        schema.AppendRow(text, null, null, ulong.MaxValue);
        Assert.Equal("tanh,\"plain\",\n\"completed 2/3, diverged 1/3\",\"say \"\"hi\"\", twice\",40\n,\"\",18446744073709551615\n", text.ToString());
    }

    [Theory]
    [InlineData("a", "a")]
    [InlineData("a,b", "c")]
    public void Duplicate_or_comma_names_are_refused(string first, string second)
    {
        Assert.Throws<ArgumentException>(() => new CsvSchema("t.csv", new(first, CsvKind.Text), new(second, CsvKind.Text)));
    }

    [Fact]
    public void Probe_tables_are_their_schema_header_then_their_rows()
    {
        var record = Glorot.Tests.Probes.ProbeJsonTests.SmallRecord();
        Assert.Equal(ProbeCsv.SummarySchema.Header + "\n" + ProbeCsv.SummaryRows([record]), ProbeCsv.SummaryTable([record]));
        Assert.Equal(ProbeCsv.HistogramSchema.Header + "\n" + ProbeCsv.HistogramRows([record]), ProbeCsv.HistogramTable([record]));
        // Every row has one cell per declared column.
        foreach (var line in ProbeCsv.SummaryRows([record]).TrimEnd('\n').Split('\n'))
            Assert.Equal(ProbeCsv.SummarySchema.Columns.Count, line.Split(',').Length);
    }
}
