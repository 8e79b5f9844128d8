using System.Globalization;
using System.Text;

namespace Glorot.Lab.Runs;

/// <summary>
/// A CSV file written row by row (invariant culture, doubles in round-trip form so that a resumed run writes the
/// same bytes), whose first column is the update step; on resume, rows past the checkpoint are cut off.
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

    /// <summary>Starts the file with its header, replacing any previous content.</summary>
    public void Create() => File.WriteAllText(Path, string.Join(",", Columns) + "\n");

    /// <summary>Keeps the header and the rows whose first column (a step) is at most <paramref name="step"/>.</summary>
    /// <exception cref="InvalidDataException">The file is missing, has another header, or a row without a step.</exception>
    public void TruncateAfter(long step)
    {
        if (!File.Exists(Path)) throw new InvalidDataException($"{Path}: missing; the run directory cannot be resumed.");
        var lines = File.ReadAllLines(Path);
        if (lines.Length == 0 || lines[0] != string.Join(",", Columns))
            throw new InvalidDataException($"{Path}: the header is not '{string.Join(",", Columns)}'; not a run of this version.");
        var kept = new StringBuilder(lines[0]).Append('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            string first = lines[i].Split(',', 2)[0];
            if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out long rowStep))
                throw new InvalidDataException($"{Path}: line {i + 1} does not start with a step: '{Shorten(lines[i])}'.");
            if (rowStep <= step) kept.Append(lines[i]).Append('\n');
        }
        File.WriteAllText(Path, kept.ToString());
    }

    /// <summary>Appends rows (each a list of cells, formatted by <see cref="Cell"/>).</summary>
    public void Append(IEnumerable<IEnumerable<object?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.AppendJoin(',', row.Select(Cell)).Append('\n');
        File.AppendAllText(Path, text.ToString());
    }

    /// <summary>Appends rows already formatted as CSV text (whole lines).</summary>
    public void AppendText(string rows) => File.AppendAllText(Path, rows);

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
