namespace Glorot.Lab.Runs;

/// <summary>Checks on a path the user gave, so that a bad one gets an error that names the real problem.</summary>
internal static class RunPaths
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="path"/> cannot be a directory: it, or a folder
    /// above it, is a file (the operating system would say only "file exists").
    /// </summary>
    /// <param name="path">The directory to be created or used.</param>
    /// <param name="what">What the path is, for the message ("run directory", "--out").</param>
    public static void CheckDirectory(string path, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (File.Exists(full))
            throw new ArgumentException($"{what} {path} is a file, not a directory; choose another path.");
        for (string? parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
            if (File.Exists(parent))
                throw new ArgumentException($"{what} {path}: {parent} is a file, so no directory can be made under it; choose another path.");
    }
}
