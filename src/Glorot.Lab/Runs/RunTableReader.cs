using System.Globalization;
using Glorot.IO;

namespace Glorot.Lab.Runs;

/// <summary>
/// Reads a CSV written through a <see cref="CsvSchema"/> into typed rows: cells are found by the names in the file's
/// header (so a file without a later, <see cref="CsvColumn.Added"/> column still reads, its cells empty), and each
/// is read as the kind its schema declares. The run's tables hold no quoted cells (their text cells are names such as
/// <c>activation</c>); a quoted cell would split at its commas and be refused as a row of the wrong width.
/// </summary>
internal static class RunTableReader
{
    /// <summary>Every row of <paramref name="path"/>, parsed by <paramref name="parse"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">A column the schema requires is missing from the header, a row has
    /// another number of cells than the header, a cell is not of its column's kind, or <paramref name="parse"/>
    /// refuses a row (the message then names the line and the row).</exception>
    public static List<T> Read<T>(string path, CsvSchema schema, Func<CsvRow, T> parse) => ReadRows(path, schema, parse, skipTornLastLine: false);

    /// <summary>
    /// Like <see cref="Read{T}"/>, but a last line without its line break is left out: the rest of a row whose append
    /// a kill cut short (every row ends with one, <see cref="CsvSchema.AppendRow"/>). For files that grow by appends
    /// and are read before a resume cuts them back (<see cref="CsvTable.TruncateTo"/>), such as <c>metrics.csv</c>.
    /// </summary>
    public static List<T> ReadCompleteRows<T>(string path, CsvSchema schema, Func<CsvRow, T> parse) => ReadRows(path, schema, parse, skipTornLastLine: true);

    private static List<T> ReadRows<T>(string path, CsvSchema schema, Func<CsvRow, T> parse, bool skipTornLastLine)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(parse);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing: the run did not finish writing.", path);
        var rows = new List<T>();
        int line = 0;
        int[] positions = [];
        int width = 0;
        bool lastLineTorn = skipTornLastLine && !EndsWithLineBreak(path);
        using var lines = File.ReadLines(path).GetEnumerator();
        bool more = lines.MoveNext();
        while (more)
        {
            string text = lines.Current;
            more = lines.MoveNext();
            if (!more && lastLineTorn) break;
            if (line++ == 0)
            {
                var names = text.Split(',');
                width = names.Length;
                positions = [.. schema.Columns.Select(c => Array.IndexOf(names, c.Name))];
                // Every missing column at once: one look at the message tells an old table from another file.
                var missing = schema.Columns.Where((c, i) => positions[i] < 0 && !c.Added).Select(c => $"'{c.Name}'").ToList();
                if (missing.Count > 0)
                    throw new InvalidDataException($"{path}: the header has no column {string.Join(", no column ", missing)}; not a {schema.FileName} of this project.");
                continue;
            }
            if (text.Length == 0) continue;
            var cells = text.Split(',');
            if (cells.Length != width) throw new InvalidDataException($"{path}: line {line} has {cells.Length} cells, expected {width}.");
            try
            {
                rows.Add(parse(new CsvRow(schema, positions, cells)));
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                throw new InvalidDataException($"{path}: line {line} holds a cell that is not a number: '{text}'.", ex);
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"{path}: line {line} '{text}': {ex.Message}", ex);
            }
        }
        return rows;
    }

    // True when the file's last byte is a line break, or the file is empty.
    private static bool EndsWithLineBreak(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length == 0) return true;
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }
}

/// <summary>One row of a CSV read through its <see cref="CsvSchema"/>: cells by column name, as the column's kind.</summary>
internal readonly struct CsvRow
{
    private readonly CsvSchema _schema;
    private readonly int[] _positions;
    private readonly string[] _cells;

    internal CsvRow(CsvSchema schema, int[] positions, string[] cells)
    {
        _schema = schema;
        _positions = positions;
        _cells = cells;
    }

    /// <summary>An <see cref="CsvKind.Integer"/> cell.</summary>
    public long Integer(string column) => long.Parse(Cell(column, CsvKind.Integer), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>An <see cref="CsvKind.OptionalInteger"/> cell: null when empty or when the file predates the column.</summary>
    public long? OptionalInteger(string column) => Cell(column, CsvKind.OptionalInteger) is { Length: > 0 } s
        ? long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
        : null;

    /// <summary>A <see cref="CsvKind.Number"/> cell.</summary>
    public double Number(string column) => double.Parse(Cell(column, CsvKind.Number), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>An <see cref="CsvKind.OptionalNumber"/> cell: null when empty or when the file predates the column.</summary>
    public double? OptionalNumber(string column) => Cell(column, CsvKind.OptionalNumber) is { Length: > 0 } s
        ? double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)
        : null;

    /// <summary>A <see cref="CsvKind.Text"/> cell.</summary>
    public string Text(string column) => Cell(column, CsvKind.Text);

    // The cell of a declared column read as its declared kind ("" where the file lacks an added column); asking for
    // an undeclared column or another kind is a bug in the caller, not in the file.
    private string Cell(string column, CsvKind kind)
    {
        int i = _schema.IndexOf(column);
        if (_schema.Columns[i].Kind != kind)
            throw new InvalidOperationException($"{_schema.FileName}: column '{column}' is {_schema.Columns[i].Kind}, not {kind}.");
        return _positions[i] < 0 ? "" : _cells[_positions[i]];
    }
}
