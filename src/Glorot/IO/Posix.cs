using System.Runtime.InteropServices;
using System.Text;

namespace Glorot.IO;

/// <summary>The few libc calls .NET does not expose: fsync of a directory, and a read that takes no flock.</summary>
internal static class Posix
{
    public const int ReadOnly = 0;

    /// <summary>O_DIRECTORY: 0x10000 on Linux, 0x100000 on macOS and the BSDs.</summary>
    public static int DirectoryFlag => OperatingSystem.IsLinux() ? 0x10000 : 0x100000;

    /// <summary>Whether these calls exist here (not on Windows).</summary>
    public static bool Available => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint Read(int fd, byte[] buffer, nint count);

    /// <summary>
    /// The first <paramref name="limit"/> bytes of a file as UTF-8, read with plain open(2)/read(2): .NET's own
    /// FileStream takes a shared flock first, which fails while another process holds the exclusive one. Null on failure.
    /// </summary>
    public static string? ReadUnlocked(string path, int limit = 4096)
    {
        if (!Available) return null;
        int fd = Open(path, ReadOnly);
        if (fd < 0) return null;
        try
        {
            var buffer = new byte[limit];
            nint n = Read(fd, buffer, limit);
            return n < 0 ? null : Encoding.UTF8.GetString(buffer, 0, (int)n);
        }
        finally
        {
            Close(fd);
        }
    }
}
