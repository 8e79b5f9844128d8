using System.Text;
using Glorot.IO;
using Glorot.Probes;

namespace Glorot.Lab.Runs;

/// <summary>
/// A results CSV of a run written row by row through its <see cref="CsvSchema"/> (invariant culture, doubles in
/// round-trip form so that a resumed run writes the same bytes), whose first column is the update step; on resume, the
/// file is cut back to its length at the checkpoint. The one writer of a run's tables (<see cref="RunSchemas"/>).
/// </summary>
internal sealed class CsvTable
{
    private readonly CsvSchema _schema;

    /// <summary>A table at <paramref name="path"/> with the columns of <paramref name="schema"/>.</summary>
    public CsvTable(string path, CsvSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Path = path;
        _schema = schema;
        Columns = [.. schema.Names];
    }

    /// <summary>A table at <paramref name="path"/> with the given column names (cells of any kind).</summary>
    public CsvTable(string path, params string[] columns)
        : this(path, new CsvSchema(System.IO.Path.GetFileName(path), [.. columns.Select(c => new CsvColumn(c, CsvKind.Text))]))
    {
    }

    /// <summary>Where the table lives.</summary>
    public string Path { get; }

    /// <summary>Column names (the header line).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Starts the file with its header, replacing any previous content (atomically).</summary>
    public void Create() => AtomicFile.WriteAllText(Path, _schema.Header + "\n");

    /// <summary>
    /// Cuts the file back to its first <paramref name="length"/> bytes (its length at a checkpoint): rows written
    /// after it, including one torn by a kill, go. A kill during the cut leaves the file cut or not, never worse.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is missing, has another header, or is shorter than <paramref name="length"/>.</exception>
    public void TruncateTo(long length)
    {
        if (!File.Exists(Path)) throw new InvalidDataException($"{Path}: missing; the run directory cannot be resumed.");
        string header = _schema.Header;
        string first;
        using (var reader = new StreamReader(Path)) first = reader.ReadLine() ?? "";
        if (first != header)
            throw new InvalidDataException($"{Path}: the header is not '{Shorten(header)}'; not a run of this version.");
        if (length < header.Length + 1)
            throw new InvalidDataException($"{Path}: the checkpoint records {length} bytes, less than the header; the run directory is damaged.");
        AtomicFile.Truncate(Path, length);
    }

    /// <summary>Appends rows, each one cell per column (<see cref="CsvSchema.AppendRow"/>), in one write.</summary>
    public void Append(IEnumerable<IEnumerable<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (var row in rows) _schema.AppendRow(text, [.. row]);
        AtomicFile.AppendText(Path, text.ToString());
    }

    /// <summary>Appends one row.</summary>
    public void Append(params object?[] row) => Append([row]);

    /// <summary>Appends rows already formatted through this table's schema (whole lines, e.g. <see cref="ProbeCsv.SummaryRows"/>).</summary>
    public void AppendText(string rows) => AtomicFile.AppendText(Path, rows);

    /// <summary>A cell: numbers in invariant round-trip form, empty for null (<see cref="CsvSchema.Cell"/>).</summary>
    public static string Cell(object? value) => CsvSchema.Cell(value);

    private static string Shorten(string line) => line.Length > 60 ? line[..60] + "…" : line;
}
