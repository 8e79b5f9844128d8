using System.Globalization;
using Glorot.Data;
using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary>
/// The two meanings of <c>--out</c> in <c>glorot init</c>, and the .npy writing. Without a layer, <c>--out w.npy</c>
/// is where the tensor goes; with <c>--layer</c> or <c>--preset</c>, <c>--out N</c> is the layer's output count and
/// <c>--save</c> names where to write. Every saved tensor gets its provenance record beside it.
/// </summary>
internal static class InitOutput
{
    /// <summary>Splits --out into (output count, save path) for the mode the command is in.</summary>
    public static (int? Outputs, string? SavePath) Resolve(string? outText, string? savePath, bool describesLayer)
    {
        if (!describesLayer)
        {
            if (outText is not null && savePath is not null && outText != savePath)
                throw new UserInputException($"--out '{outText}' and --save '{savePath}' both name the file; give one.");
            return (null, savePath ?? outText);
        }
        if (outText is null) return (null, savePath);
        if (!int.TryParse(outText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            throw new UserInputException(
                $"With --layer or --preset, --out is the number of output features or channels; got '{outText}'. Save the tensors with --save PATH.");
        return (count, savePath);
    }

    /// <summary>
    /// Writes each tensor as float32 C-order .npy with its provenance beside it: one tensor to <paramref name="path"/>
    /// itself, several (a preset's weight and bias) into <paramref name="path"/> as a directory, one file per label.
    /// Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Save(string path, IReadOnlyList<InitResult> results)
    {
        var written = new List<string>();
        if (results.Count > 1) Directory.CreateDirectory(path);
        foreach (var r in results)
        {
            var file = results.Count == 1 ? path : Path.Combine(path, r.Request.Label + ".npy");
            if (Directory.Exists(file))
                throw new IOException($"Cannot write '{file}': it is a directory. Give a file name such as w.npy.");
            var parent = Path.GetDirectoryName(Path.GetFullPath(file));
            if (parent is not null && File.Exists(parent))
                throw new IOException($"Cannot write '{file}': '{parent}' is a file, not a directory.");
            if (parent is not null && !Directory.Exists(parent))
                throw new IOException($"Cannot write '{file}': the directory '{parent}' does not exist.");
            var record = Provenance.PathBeside(file);
            try
            {
                Npy.Write(file, r.Tensor.Span, r.Request.Shape);
                r.Provenance.Write(record);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"Cannot write '{file}': {ex.Message}", ex);
            }
            written.Add(file);
            written.Add(record);
        }
        return written;
    }
}
