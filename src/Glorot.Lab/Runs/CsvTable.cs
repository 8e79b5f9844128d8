using System.Globalization;
using System.Text;
using Glorot.IO;

namespace Glorot.Lab.Runs;

/// <summary>
/// A CSV file written row by row (invariant culture, doubles in round-trip form so that a resumed run writes the
/// same bytes), whose first column is the update step; on resume, the file is cut back to its length at the checkpoint.
/// </summary>
public sealed class CsvTable
{
    /// <summary>A table at <paramref name="path"/> with the given column names.</summary>
    public CsvTable(string path, params string[] columns)
    {
        Path = path;
        Columns = columns;
    }

    /// <summary>Where the table lives.</summary>
    public string Path { get; }

    /// <summary>Column names (the header line).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Starts the file with its header, replacing any previous content (atomically).</summary>
    public void Create() => AtomicFile.WriteAllText(Path, string.Join(",", Columns) + "\n");

    /// <summary>
    /// Cuts the file back to its first <paramref name="length"/> bytes (its length at a checkpoint): rows written
    /// after it, including one torn by a kill, go. A kill during the cut leaves the file cut or not, never worse.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is missing, has another header, or is shorter than <paramref name="length"/>.</exception>
    public void TruncateTo(long length)
    {
        if (!File.Exists(Path)) throw new InvalidDataException($"{Path}: missing; the run directory cannot be resumed.");
        string header = string.Join(",", Columns);
        string first;
        using (var reader = new StreamReader(Path)) first = reader.ReadLine() ?? "";
        if (first != header)
            throw new InvalidDataException($"{Path}: the header is not '{Shorten(header)}'; not a run of this version.");
        if (length < header.Length + 1)
            throw new InvalidDataException($"{Path}: the checkpoint records {length} bytes, less than the header; the run directory is damaged.");
        AtomicFile.Truncate(Path, length);
    }

    /// <summary>Appends rows (each a list of cells, formatted by <see cref="Cell"/>).</summary>
    public void Append(IEnumerable<IEnumerable<object?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.AppendJoin(',', row.Select(Cell)).Append('\n');
        AtomicFile.AppendText(Path, text.ToString());
    }

    /// <summary>Appends rows already formatted as CSV text (whole lines).</summary>
    public void AppendText(string rows) => AtomicFile.AppendText(Path, rows);

    /// <summary>Appends one row.</summary>
    public void Append(params object?[] row) => Append([row]);

    /// <summary>A cell: numbers in invariant round-trip form, empty for null.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Shorten(string line) => line.Length > 60 ? line[..60] + "…" : line;
}
