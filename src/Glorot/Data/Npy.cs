using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Glorot.Data;

/// <summary>
/// Reads and writes NumPy .npy files (format versions 1.0, 2.0 and 3.0) holding float32 or float64 in C order,
/// the format of <c>numpy.save</c>. The reader checks everything a file claims — magic, version, header
/// length, the header dictionary, dtype, order, shape — against the file's real size before allocating, and
/// names the file and the problem when anything is wrong.
/// </summary>
/// <remarks>Format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html</remarks>
public static class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // Real headers are well under 1 KiB; numpy itself refuses headers above 10 000 bytes unless told otherwise.
    private const int MaxHeaderLength = 1 << 16;
    internal const int MaxDimensions = 32; // NumPy's own limit (NPY_MAXDIMS)

    // Data moves in slices of this many bytes: a span of more than 2^29 floats has more bytes than an int counts.
    private const int ChunkBytes = 1 << 24;

    /// <summary>Writes float32 values with the given shape (product of shape = values.Length), atomically: a
    /// failure at any byte (a full disk, a kill) leaves the previous file or none (<see cref="IO.AtomicFile"/>).</summary>
    public static void Write(string path, ReadOnlySpan<float> values, ReadOnlySpan<int> shape)
    {
        using var writer = IO.AtomicFile.Begin(path);
        Write(writer.Stream, values, shape);
        writer.Commit();
    }

    /// <summary>Writes float64 values with the given shape (product of shape = values.Length), atomically.</summary>
    public static void Write(string path, ReadOnlySpan<double> values, ReadOnlySpan<int> shape)
    {
        using var writer = IO.AtomicFile.Begin(path);
        Write(writer.Stream, values, shape);
        writer.Commit();
    }

    /// <summary>Writes a float32 .npy to a stream.</summary>
    public static void Write(Stream stream, ReadOnlySpan<float> values, ReadOnlySpan<int> shape)
    {
        WriteHeader(stream, "<f4", shape, values.Length);
        for (int i = 0; i < values.Length; i += ChunkBytes / sizeof(float))
            WriteLittleEndian(stream, MemoryMarshal.AsBytes(values.Slice(i, Math.Min(ChunkBytes / sizeof(float), values.Length - i))));
    }

    /// <summary>Writes a float64 .npy to a stream.</summary>
    public static void Write(Stream stream, ReadOnlySpan<double> values, ReadOnlySpan<int> shape)
    {
        WriteHeader(stream, "<f8", shape, values.Length);
        for (int i = 0; i < values.Length; i += ChunkBytes / sizeof(double))
            WriteLittleEndian(stream, MemoryMarshal.AsBytes(values.Slice(i, Math.Min(ChunkBytes / sizeof(double), values.Length - i))));
    }

    /// <summary>Reads a float32 or float64 .npy file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid .npy of a supported kind; the message says why.</exception>
    public static NpyArray Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a float32 file and checks its shape equals <paramref name="expectedShape"/>.</summary>
    public static float[] ReadSingles(string path, ReadOnlySpan<int> expectedShape)
    {
        var array = Read(path);
        if (array.Singles is null)
            throw new InvalidDataException($"{path}: holds float64 ('<f8'); float32 ('<f4') is expected.");
        if (!array.Shape.SequenceEqual(expectedShape.ToArray()))
            throw new InvalidDataException($"{path}: shape {FormatShape(array.Shape)} where {FormatShape(expectedShape.ToArray())} is expected.");
        return array.Singles;
    }

    /// <summary>Reads a .npy from a seekable stream; <paramref name="name"/> names it in error messages.</summary>
    public static NpyArray Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Every size in the header is checked against the real length before anything is allocated.
        if (!stream.CanSeek) throw new ArgumentException($"{name}: the stream must be seekable.", nameof(stream));
        long available = stream.Length - stream.Position;
        Span<byte> prefix = stackalloc byte[8];
        ReadExactly(stream, prefix, name, "the magic string and version");
        if (!prefix[..6].SequenceEqual(Magic))
            throw Bad(name, "does not start with the .npy magic string \\x93NUMPY (not a .npy file)");
        byte major = prefix[6], minor = prefix[7];
        if (major is not (1 or 2 or 3) || minor != 0)
            throw Bad(name, $"format version {major}.{minor} is not supported (1.0, 2.0 and 3.0 are)");
        int lengthBytes = major == 1 ? 2 : 4;
        Span<byte> lengthField = stackalloc byte[4];
        ReadExactly(stream, lengthField[..lengthBytes], name, "the header length");
        long headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(lengthField)
            : BinaryPrimitives.ReadUInt32LittleEndian(lengthField);
        if (headerLength > MaxHeaderLength)
            throw Bad(name, $"header length {headerLength} exceeds the {MaxHeaderLength}-byte limit (corrupt or hostile file)");
        if (headerLength > available - 8 - lengthBytes)
            throw Bad(name, $"is truncated: the header claims {headerLength} bytes but the file is shorter");
        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, name, "the header");
        string header;
        try
        {
            header = (major == 3 ? new UTF8Encoding(false, true) : Encoding.Latin1).GetString(headerBytes);
        }
        catch (DecoderFallbackException)
        {
            throw Bad(name, "header is not valid UTF-8");
        }
        var (descr, fortranOrder, shape) = NpyHeaderParser.Parse(header, name);
        if (fortranOrder)
            throw Bad(name, "is stored in Fortran order (fortran_order: True); only C order is supported — save with numpy.ascontiguousarray");
        int itemSize = descr switch
        {
            "<f4" => 4,
            "<f8" => 8,
            ">f4" or ">f8" => throw Bad(name, $"dtype '{descr}' is big-endian; only little-endian '<f4' and '<f8' are supported"),
            _ => throw Bad(name, $"dtype '{descr}' is not supported; only float32 '<f4' and float64 '<f8' are"),
        };
        long count = 1;
        foreach (int d in shape)
        {
            count *= d;
            if (count > Array.MaxLength)
                throw Bad(name, $"shape {FormatShape(shape)} has more elements than an array can hold");
        }
        long dataBytes = count * itemSize;
        long remaining = available - 8 - lengthBytes - headerLength;
        if (dataBytes > remaining)
            throw Bad(name, $"is truncated: shape {FormatShape(shape)} needs {dataBytes} data bytes, the file has {remaining}");
        if (dataBytes < remaining)
            throw Bad(name, $"has {remaining - dataBytes} bytes after the data that shape {FormatShape(shape)} accounts for (corrupt file)");
        if (itemSize == 4)
        {
            var values = new float[count];
            for (int i = 0; i < values.Length; i += ChunkBytes / sizeof(float))
                ReadExactly(stream, MemoryMarshal.AsBytes(values.AsSpan(i, Math.Min(ChunkBytes / sizeof(float), values.Length - i))), name, "the data");
            if (!BitConverter.IsLittleEndian) ReverseEach(MemoryMarshal.Cast<float, uint>(values.AsSpan()));
            return new NpyArray(shape, values, null);
        }
        else
        {
            var values = new double[count];
            for (int i = 0; i < values.Length; i += ChunkBytes / sizeof(double))
                ReadExactly(stream, MemoryMarshal.AsBytes(values.AsSpan(i, Math.Min(ChunkBytes / sizeof(double), values.Length - i))), name, "the data");
            if (!BitConverter.IsLittleEndian) ReverseEach(MemoryMarshal.Cast<double, ulong>(values.AsSpan()));
            return new NpyArray(shape, null, values);
        }
    }

    private static void WriteHeader(Stream stream, string descr, ReadOnlySpan<int> shape, int count)
    {
        long product = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"Shape {FormatShape(shape.ToArray())} has a negative dimension.", nameof(shape));
            // Once past count (≤ int.MaxValue) the product is kept there (a later 0 still zeroes it): no 64-bit overflow.
            product = d == 0 ? 0 : product > count ? product : product * d;
        }
        if (product != count)
            throw new ArgumentException($"Shape {FormatShape(shape.ToArray())} holds {(product > count ? "more than " + count : product)} values, not {count}.", nameof(shape));
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {FormatShape(shape.ToArray())}, }}";
        // Pad with spaces and end with \n so that magic + version + length + header is a multiple of 64 bytes,
        // as numpy does (aligned data for memory mapping).
        int version = dict.Length + 1 + 10 <= ushort.MaxValue ? 1 : 2;
        int prefixLength = version == 1 ? 10 : 12;
        int total = (prefixLength + dict.Length + 1 + 63) / 64 * 64;
        string header = dict.PadRight(total - prefixLength - 1) + "\n";
        Span<byte> prefix = stackalloc byte[12];
        Magic.CopyTo(prefix);
        prefix[6] = (byte)version;
        prefix[7] = 0;
        if (version == 1) BinaryPrimitives.WriteUInt16LittleEndian(prefix[8..], (ushort)header.Length);
        else BinaryPrimitives.WriteUInt32LittleEndian(prefix[8..], (uint)header.Length);
        stream.Write(prefix[..prefixLength]);
        stream.Write(Encoding.Latin1.GetBytes(header));
    }

    private static void WriteLittleEndian(Stream stream, ReadOnlySpan<byte> bytes)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Writing .npy on a big-endian machine is not supported.");
        stream.Write(bytes);
    }

    private static void ReverseEach(Span<uint> words) => BinaryPrimitives.ReverseEndianness(words, words);

    private static void ReverseEach(Span<ulong> words) => BinaryPrimitives.ReverseEndianness(words, words);

    private static void ReadExactly(Stream stream, Span<byte> buffer, string name, string what)
    {
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
            throw Bad(name, $"is truncated: it ends inside {what} ({read} of {buffer.Length} bytes)");
    }

    internal static string FormatShape(IReadOnlyList<int> shape) => shape.Count switch
    {
        0 => "()",
        1 => $"({shape[0].ToString(CultureInfo.InvariantCulture)},)",
        _ => "(" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")",
    };

    internal static InvalidDataException Bad(string name, string problem) => new($"{name}: {problem}.");
}
