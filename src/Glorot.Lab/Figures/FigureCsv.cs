using System.Text;
using Glorot.IO;

namespace Glorot.Lab.Figures;

/// <summary>
/// The numbers behind a figure or a report table, as a CSV: rows go through the table's declared
/// <see cref="CsvSchema"/> (the one row writer of every results file, <see cref="CsvSchema.AppendRow"/>), which
/// writes numbers in invariant round-trip form and refuses a cell that is not of its column's kind. Each recipe
/// declares its schema beside the code that fills it, so its columns and its rows are read together.
/// </summary>
internal sealed class FigureCsv(CsvSchema schema)
{
    private readonly StringBuilder _text = schema.NewTable();

    /// <summary>Adds a row, one cell per column in order.</summary>
    /// <exception cref="ArgumentException">Not one cell per column, or a cell of another kind than its column's.</exception>
    public void Add(params ReadOnlySpan<object?> cells) => schema.AppendRow(_text, cells);

    /// <summary>Writes the table (atomically).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, _text.ToString());
}
