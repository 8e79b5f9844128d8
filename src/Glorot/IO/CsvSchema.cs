using System.Globalization;
using System.Text;

namespace Glorot.IO;

/// <summary>What a column of a results CSV holds.</summary>
internal enum CsvKind
{
    /// <summary>An integer (step, layer, count).</summary>
    Integer,
    /// <summary>A finite or non-finite double in round-trip form ("R").</summary>
    Number,
    /// <summary>A double, or an empty cell where the row has none.</summary>
    OptionalNumber,
    /// <summary>A name without commas (quantity, phase).</summary>
    Text,
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

    /// <summary>Appends one row, one cell per column in order, and its line break.</summary>
    /// <exception cref="ArgumentException">Not one cell per column.</exception>
    public void AppendRow(StringBuilder text, params ReadOnlySpan<object?> cells)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (cells.Length != Columns.Count) throw new ArgumentException($"{FileName}: a row of {cells.Length} cells for {Columns.Count} columns.");
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(Cell(cells[i]));
        }
        text.Append('\n');
    }

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
