using System.Globalization;
using System.Text;

namespace Glorot.IO;

/// <summary>What a column of a results CSV holds.</summary>
internal enum CsvKind
{
    /// <summary>An integer (step, layer, count).</summary>
    Integer,
    /// <summary>An integer, or an empty cell where the row has none (the update a run diverged at).</summary>
    OptionalInteger,
    /// <summary>A finite or non-finite double in round-trip form ("R").</summary>
    Number,
    /// <summary>A double, or an empty cell where the row has none.</summary>
    OptionalNumber,
    /// <summary>A name or label (quantity, phase, a network's label); empty for null. A cell holding a comma, a double
    /// quote or a line break is written in double quotes, inner quotes doubled (RFC 4180 §2), so it stays one cell.</summary>
    Text,
    /// <summary>Free text (a claim, a note), always written in double quotes, inner quotes doubled (RFC 4180 §2).</summary>
    QuotedText,
}

/// <summary>One column of a <see cref="CsvSchema"/>.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Kind">What its cells hold.</param>
/// <param name="Added">False for a column every file of this kind has had; true for one added at the end later, so that
/// a reader of an older file finds it missing and reads empty cells.</param>
internal sealed record CsvColumn(string Name, CsvKind Kind, bool Added = false);

/// <summary>
/// The columns of one CSV file, declared once: the writer formats rows through it and the readers look cells up by
/// its names. Cells are written in the invariant culture, doubles in round-trip form, so that a resumed run writes the
/// same bytes as an uninterrupted one; null is an empty cell.
/// </summary>
internal sealed class CsvSchema
{
    private readonly Dictionary<string, int> _index;

    /// <summary>The schema of the file <paramref name="fileName"/> with <paramref name="columns"/> in order.</summary>
    /// <exception cref="ArgumentException">No columns, a name given twice, or a name with a comma or line break.</exception>
    public CsvSchema(string fileName, params CsvColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0) throw new ArgumentException($"{fileName}: a table needs at least one column.");
        FileName = fileName;
        Columns = columns;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Length; i++)
        {
            if (columns[i].Name.AsSpan().IndexOfAny(",\n\r") >= 0) throw new ArgumentException($"{fileName}: column name '{columns[i].Name}' holds a comma or line break.");
            if (!_index.TryAdd(columns[i].Name, i)) throw new ArgumentException($"{fileName}: column '{columns[i].Name}' is declared twice.");
        }
        Header = string.Join(',', columns.Select(c => c.Name));
    }

    /// <summary>The file's name (e.g. <c>metrics.csv</c>).</summary>
    public string FileName { get; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<CsvColumn> Columns { get; }

    /// <summary>The column names, in order.</summary>
    public IEnumerable<string> Names => Columns.Select(c => c.Name);

    /// <summary>The header line, without its line break.</summary>
    public string Header { get; }

    /// <summary>The 0-based position of the column called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The schema has no such column.</exception>
    public int IndexOf(string name) => _index.TryGetValue(name, out int i)
        ? i
        : throw new ArgumentException($"{FileName} has no column '{name}'; its columns: {Header}.");

    /// <summary>The text of a new table of this schema: its header line, ready for <see cref="AppendRow"/>.</summary>
    public StringBuilder NewTable() => new StringBuilder(Header).Append('\n');

    /// <summary>Appends one row, one cell per column in order, and its line break.</summary>
    /// <exception cref="ArgumentException">Not one cell per column, or a cell that does not read back as its column's
    /// kind (text in a number column, an empty cell in a required one): a bug in the writer, caught before the file
    /// holds a row that no reader of the schema could read.</exception>
    public void AppendRow(StringBuilder text, params ReadOnlySpan<object?> cells)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (cells.Length != Columns.Count) throw new ArgumentException($"{FileName}: a row of {cells.Length} cells for {Columns.Count} columns.");
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(Format(Columns[i], cells[i]));
        }
        text.Append('\n');
    }

    // The cell as its column's kind writes it; numbers are checked by parsing what was formatted, the way a reader will.
    private string Format(CsvColumn column, object? value)
    {
        string cell = Cell(value);
        bool fits = column.Kind switch
        {
            CsvKind.Integer => IsInteger(cell),
            CsvKind.OptionalInteger => cell.Length == 0 || IsInteger(cell),
            CsvKind.Number => IsNumber(cell),
            CsvKind.OptionalNumber => cell.Length == 0 || IsNumber(cell),
            _ => true,
        };
        if (!fits)
            throw new ArgumentException($"{FileName}: column '{column.Name}' holds {column.Kind} cells, not '{cell}' ({value?.GetType().Name ?? "null"}).");
        return column.Kind switch
        {
            CsvKind.QuotedText => Quoted(cell),
            CsvKind.Text when cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 => Quoted(cell),
            _ => cell,
        };
    }

    // Seeds are ulong and may pass long.MaxValue.
    private static bool IsInteger(string cell) => long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
        || ulong.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsNumber(string cell) => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Quoted(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A cell: numbers in invariant round-trip form, empty for null.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
