using System.Buffers.Binary;
using System.IO.Compression;

namespace Glorot.Data;

/// <summary>An IDX array of unsigned bytes: its dimensions (outermost first) and its data, row-major.</summary>
/// <param name="Dimensions">Sizes, outermost first (for MNIST images: count, rows, columns).</param>
/// <param name="Data">The values, row-major; length = product of the dimensions.</param>
public sealed record IdxArray(int[] Dimensions, byte[] Data);

/// <summary>
/// The IDX format of MNIST and Fashion-MNIST, plain or gzipped: two zero bytes, an element-type byte, the number
/// of dimensions, then each dimension as a big-endian int32, then the data. Only unsigned bytes (type 0x08) are
/// read, the type of every MNIST-family file. Malformed files give an <see cref="InvalidDataException"/> that
/// names the file and the problem; sizes claimed by the header are checked against the file before allocation.
/// </summary>
public static class IdxFile
{
    /// <summary>Element-type code of unsigned bytes.</summary>
    public const byte UnsignedByte = 0x08;

    // The largest array read: one .NET array (2³¹ − 57 bytes), far above MNIST-family files (47 MB).
    private static readonly long MaxElements = Array.MaxLength;

    /// <summary>Reads an IDX array of unsigned bytes with <paramref name="expectedRank"/> dimensions (any if null).</summary>
    public static IdxArray Read(string path, int? expectedRank = null)
    {
        using var file = DataFile.Open(path);
        Span<byte> magic = stackalloc byte[4];
        file.ReadExactly(magic, "the 4-byte IDX magic number");
        if (magic[0] != 0 || magic[1] != 0)
            throw new InvalidDataException(
                $"{path}: wrong magic number {magic[0]:X2} {magic[1]:X2} {magic[2]:X2} {magic[3]:X2}: not an IDX file (it must start with 00 00).");
        if (magic[2] != UnsignedByte)
            throw new InvalidDataException(
                $"{path}: element type 0x{magic[2]:X2} is not supported; MNIST-family files hold unsigned bytes (0x08).");
        int rank = magic[3];
        if (rank == 0) throw new InvalidDataException($"{path}: the header declares 0 dimensions.");
        if (expectedRank is { } r && rank != r)
            throw new InvalidDataException($"{path}: has {rank} dimension(s), expected {r} ({(r == 1 ? "labels" : "images")}).");

        var header = new byte[4 * rank];
        file.ReadExactly(header, $"the {rank} dimension sizes of the header");
        var dims = new int[rank];
        long elements = 1;
        for (var i = 0; i < rank; i++)
        {
            int d = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * i));
            if (d <= 0) throw new InvalidDataException($"{path}: impossible dimension {i} of size {d} in the header.");
            dims[i] = d;
            elements *= d;
            if (elements > MaxElements)
                throw new InvalidDataException(
                    $"{path}: impossible dimensions {string.Join("×", dims.Take(i + 1))}…: more than {Counts.N(MaxElements)} elements, the most one array holds.");
        }
        string shape = string.Join("×", dims);
        file.CheckContentLength(4 + 4L * rank + elements, $"the header's {shape} array");
        var data = file.ReadArray(elements, $"the {shape} array");
        file.CheckAtEnd();
        return new IdxArray(dims, data);
    }

    /// <summary>Reads an image file [count × rows × columns].</summary>
    public static IdxArray ReadImages(string path) => Read(path, expectedRank: 3);

    /// <summary>Reads a label file [count], checking every label is below <paramref name="classCount"/>.</summary>
    public static byte[] ReadLabels(string path, int classCount)
    {
        var labels = Read(path, expectedRank: 1).Data;
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] >= classCount)
                throw new InvalidDataException($"{path}: label {labels[i]} of example {i} is not a class 0…{classCount - 1}.");
        return labels;
    }

    /// <summary>Writes <paramref name="array"/> as an IDX file of unsigned bytes, gzipped when <paramref name="gzip"/>.</summary>
    public static void Write(string path, IdxArray array, bool gzip = false)
    {
        long elements = array.Dimensions.Aggregate(1L, (p, d) => p * d);
        if (array.Dimensions.Length is 0 or > 255 || array.Dimensions.Any(d => d <= 0) || elements != array.Data.Length)
            throw new ArgumentException("IDX dimensions must be 1 to 255 positive sizes whose product is the data length.");
        // Through a temporary and a rename (AtomicFile): a failure leaves no half-written file.
        using var writer = IO.AtomicFile.Begin(path);
        using (Stream output = gzip ? new GZipStream(writer.Stream, CompressionLevel.Fastest, leaveOpen: true) : writer.Stream)
        {
            output.Write([0, 0, UnsignedByte, (byte)array.Dimensions.Length]);
            Span<byte> size = stackalloc byte[4];
            foreach (var d in array.Dimensions)
            {
                BinaryPrimitives.WriteInt32BigEndian(size, d);
                output.Write(size);
            }
            output.Write(array.Data);
        }
        writer.Commit();
    }
}
