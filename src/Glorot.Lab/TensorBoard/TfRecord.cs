using System.Buffers.Binary;

namespace Glorot.Lab.TensorBoard;

/// <summary>
/// TFRecord framing (TensorFlow's tsl/lib/io/record_writer.cc): per record, the data's length as uint64 little-endian,
/// the masked CRC-32C of those 8 bytes, the data, and the masked CRC-32C of the data (CRCs as uint32 little-endian).
/// </summary>
internal static class TfRecord
{
    /// <summary>Bytes a record adds around its data: 8 (length) + 4 (its CRC) + 4 (the data's CRC).</summary>
    public const int Overhead = 16;

    /// <summary>Writes one framed record of <paramref name="data"/> to <paramref name="output"/>.</summary>
    public static void Write(Stream output, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.Mask(Crc32C.Compute(header[..8])));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.Mask(Crc32C.Compute(data)));
        output.Write(header);
        output.Write(data);
        output.Write(footer);
    }
}
