using System.Buffers.Binary;
using System.IO.Compression;

namespace Glorot.Data;

/// <summary>
/// Opens a data file that may be plain or gzip-compressed (recognized by its magic bytes 1F 8B, not its name) and
/// knows how many bytes its content holds before reading it: the file length, or for gzip the ISIZE field of
/// the trailer (RFC 1952 §2.3.1, the content length mod 2³²). Readers check what a header claims against that
/// length before allocating, and every problem becomes an <see cref="InvalidDataException"/> (or
/// <see cref="FileNotFoundException"/>) whose message starts with the file's path.
/// </summary>
internal sealed class DataFile : IDisposable
{
    // Deflate cannot expand data by more than about 1032:1 (RFC 1951 limits a back-reference to 258 bytes for
    // roughly 2 bits); a gzip trailer claiming more than that is corrupt or hostile.
    private const long MaxDeflateRatio = 1032;

    private readonly Stream _file;
    private readonly Stream _content;
    private long _read;

    private DataFile(string path, Stream file, Stream content, long contentLength, bool gzipped)
    {
        Path = path;
        _file = file;
        _content = content;
        ContentLength = contentLength;
        IsGzip = gzipped;
    }

    /// <summary>The path, as given.</summary>
    public string Path { get; }

    /// <summary>True when the file is gzip-compressed.</summary>
    public bool IsGzip { get; }

    /// <summary>Content length: exact for a plain file; ISIZE (length mod 2³²) for gzip.</summary>
    public long ContentLength { get; }

    /// <summary>Opens <paramref name="path"/>, or says clearly why it cannot.</summary>
    public static DataFile Open(string path)
    {
        if (Directory.Exists(path))
            throw new InvalidDataException($"{path}: is a directory, not a data file.");
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file.", path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            long length = file.Length;
            Span<byte> magic = stackalloc byte[2];
            bool gzipped = length >= 2 && file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2
                && magic[0] == 0x1F && magic[1] == 0x8B;
            file.Position = 0;
            if (!gzipped) return new DataFile(path, file, file, length, false);

            // 10-byte header + 8-byte trailer at least.
            if (length < 18) throw new InvalidDataException($"{path}: truncated gzip file ({length} bytes).");
            Span<byte> trailer = stackalloc byte[4];
            file.Position = length - 4;
            file.ReadExactly(trailer);
            file.Position = 0;
            long isize = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
            var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            return new DataFile(path, file, gzip, isize, true);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks that the content holds exactly <paramref name="expected"/> bytes (as a header claims), before
    /// anything that large is allocated. <paramref name="what"/> says where the claim comes from.
    /// </summary>
    public void CheckContentLength(long expected, string what)
    {
        if (!IsGzip)
        {
            if (expected > ContentLength)
                throw new InvalidDataException(
                    $"{Path}: truncated: {what} needs {Counts.N(expected)} bytes but the file holds {Counts.N(ContentLength)}.");
            if (expected < ContentLength)
                throw new InvalidDataException(
                    $"{Path}: {what} needs {Counts.N(expected)} bytes but the file holds {Counts.N(ContentLength)} ({Counts.N(ContentLength - expected)} bytes too many).");
            return;
        }
        if (expected > _file.Length * MaxDeflateRatio)
            throw new InvalidDataException(
                $"{Path}: {what} needs {Counts.N(expected)} bytes, more than {Counts.N(_file.Length)} bytes of gzip can hold (truncated or corrupt).");
        if ((expected & 0xFFFFFFFFL) != ContentLength)
            throw new InvalidDataException(
                $"{Path}: {what} needs {Counts.N(expected)} bytes but the gzip trailer says the content is {Counts.N(ContentLength)} bytes (truncated or corrupt).");
    }

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes; <paramref name="what"/> names them in errors.</summary>
    public void ReadExactly(Span<byte> buffer, string what)
    {
        int got;
        try
        {
            got = _content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{Path}: corrupt gzip data while reading {what} ({ex.Message})", ex);
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"{Path}: could not read {what} ({ex.Message})", ex);
        }
        _read += got;
        if (got < buffer.Length)
            throw new InvalidDataException(
                $"{Path}: truncated: the data ends after {Counts.N(_read)} bytes, in the middle of {what}.");
    }

    // For gzip, a claim is only checked against the 1032:1 deflate bound and a trailer that the file's author
    // wrote, so a 2 MB file can claim 2 GB; the array then grows with the data that really decompresses.
    private const int FirstGzipChunk = 16 << 20;

    /// <summary>
    /// Reads the next <paramref name="count"/> bytes (already checked with <see cref="CheckContentLength"/>) into a
    /// new array. A plain file is allocated at once; a gzip file's array starts at 16 MiB and doubles as data
    /// arrives, so a hostile trailer cannot make the reader allocate what the file does not hold.
    /// </summary>
    public byte[] ReadArray(long count, string what)
    {
        if (count > Array.MaxLength)
            throw new InvalidDataException($"{Path}: {what} needs {Counts.N(count)} bytes, more than one array can hold.");
        if (!IsGzip || count <= FirstGzipChunk)
        {
            var all = new byte[count];
            ReadExactly(all, what);
            return all;
        }
        var data = new byte[FirstGzipChunk];
        long filled = 0;
        while (true)
        {
            ReadExactly(data.AsSpan((int)filled), what);
            filled = data.Length;
            if (filled == count) return data;
            Array.Resize(ref data, (int)Math.Min(count, 2 * filled));
        }
    }

    /// <summary>Checks that nothing follows the content read so far.</summary>
    public void CheckAtEnd()
    {
        Span<byte> one = stackalloc byte[1];
        int extra;
        try
        {
            extra = _content.Read(one);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{Path}: corrupt gzip data at the end ({ex.Message})", ex);
        }
        if (extra != 0)
            throw new InvalidDataException($"{Path}: unexpected bytes after the {Counts.N(_read)} bytes that the header describes.");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!ReferenceEquals(_content, _file)) _content.Dispose();
        _file.Dispose();
    }
}
