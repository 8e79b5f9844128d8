using System.Buffers.Binary;
using Glorot.Lab.TensorBoard;
using Glorot.Lab.TensorBoard.Proto;

namespace Glorot.Lab.Tests.TensorBoard;

/// <summary>Reads a TFRecord file back (tsl/lib/io/record_reader.cc's framing), checking both CRCs of every record.</summary>
internal static class TfRecordReader
{
    public static List<byte[]> Records(ReadOnlySpan<byte> bytes)
    {
        var records = new List<byte[]>();
        long offset = 0;
        while (bytes.Length > 0)
        {
            if (bytes.Length < 12) throw new InvalidDataException($"record at byte {offset}: {bytes.Length} bytes left, a header needs 12");
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            if (Crc32C.Mask(Crc32C.Compute(bytes[..8])) != BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]))
                throw new InvalidDataException($"record at byte {offset}: the length's CRC does not match");
            if (length > (ulong)(bytes.Length - TfRecord.Overhead))
                throw new InvalidDataException($"record at byte {offset}: {length} bytes of data, the file has fewer");
            var data = bytes.Slice(12, (int)length);
            if (Crc32C.Mask(Crc32C.Compute(data)) != BinaryPrimitives.ReadUInt32LittleEndian(bytes[(12 + (int)length)..]))
                throw new InvalidDataException($"record at byte {offset}: the data's CRC does not match");
            records.Add(data.ToArray());
            bytes = bytes[(TfRecord.Overhead + (int)length)..];
            offset += TfRecord.Overhead + (long)length;
        }
        return records;
    }

    public static List<Event> Events(string path) => [.. Records(File.ReadAllBytes(path)).Select(Event.Parser.ParseFrom)];
}
