using System.IO.Compression;

namespace Glorot.Data;

/// <summary>
/// CIFAR-10's binary batches (<c>data_batch_1.bin</c> … <c>data_batch_5.bin</c>, <c>test_batch.bin</c>): records of
/// 1 label byte and 3072 pixel bytes (1024 red, 1024 green, 1024 blue, each 32×32 row-major), 10,000 per file.
/// Plain or gzipped. Malformed files give an <see cref="InvalidDataException"/> naming the file and the problem.
/// </summary>
public static class Cifar10Binary
{
    /// <summary>Bytes per record: 1 label + 3·32·32 pixels.</summary>
    public const int RecordSize = 1 + PixelsPerImage;

    /// <summary>Pixels per image, channel-major RGB.</summary>
    public const int PixelsPerImage = 3 * 32 * 32;

    // All of CIFAR-10 (50,000 training + 10,000 test images) in one file is the most a batch can be; the check
    // keeps a hostile file (a gzip trailer can claim 4 GB) from driving allocation.
    private const long MaxRecords = 60_000;

    /// <summary>Reads every record: pixels [N × 3072] and labels [N].</summary>
    public static (byte[] Pixels, byte[] Labels) Read(string path)
    {
        using var file = DataFile.Open(path);
        long length = file.ContentLength;
        if (length == 0) throw new InvalidDataException($"{path}: empty file, expected {RecordSize}-byte CIFAR-10 records.");
        if (length % RecordSize != 0)
            throw new InvalidDataException(
                $"{path}: {Counts.N(length)} bytes is not a whole number of {RecordSize}-byte CIFAR-10 records (truncated or not a CIFAR-10 binary batch).");
        long records = length / RecordSize;
        if (records > MaxRecords)
            throw new InvalidDataException(
                $"{path}: {Counts.N(records)} records is more than all of CIFAR-10 ({Counts.N(MaxRecords)} images): truncated, corrupt or not a CIFAR-10 batch.");
        file.CheckContentLength(records * RecordSize, $"{Counts.N(records)} records");

        var pixels = new byte[records * PixelsPerImage];
        var labels = new byte[records];
        var record = new byte[RecordSize];
        for (var i = 0; i < records; i++)
        {
            file.ReadExactly(record, $"record {i}");
            if (record[0] > 9)
                throw new InvalidDataException($"{path}: record {i} has label {record[0]}, not a class 0…9 (not a CIFAR-10 batch?).");
            labels[i] = record[0];
            record.AsSpan(1).CopyTo(pixels.AsSpan(i * PixelsPerImage, PixelsPerImage));
        }
        file.CheckAtEnd();
        return (pixels, labels);
    }

    /// <summary>Writes records in the binary batch format, gzipped when <paramref name="gzip"/>.</summary>
    public static void Write(string path, ReadOnlySpan<byte> pixels, ReadOnlySpan<byte> labels, bool gzip = false)
    {
        if (pixels.Length != labels.Length * PixelsPerImage)
            throw new ArgumentException($"Expected {labels.Length} × {PixelsPerImage} pixels, got {pixels.Length}.");
        // Through a temporary and a rename (AtomicFile): a failure leaves no half-written file.
        using var writer = IO.AtomicFile.Begin(path);
        using (Stream output = gzip ? new GZipStream(writer.Stream, CompressionLevel.Fastest, leaveOpen: true) : writer.Stream)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                output.WriteByte(labels[i]);
                output.Write(pixels.Slice(i * PixelsPerImage, PixelsPerImage));
            }
        }
        writer.Commit();
    }

    /// <summary>
    /// Grey version of RGB images [N × 3072] → [N × 1024]: ITU-R BT.601 luma, Y = 0.299 R + 0.587 G + 0.114 B,
    /// rounded to the nearest integer (the weights of most grey conversions, e.g. PIL's "L" mode).
    /// </summary>
    public static byte[] ToGrey(ReadOnlySpan<byte> rgb)
    {
        if (rgb.Length % PixelsPerImage != 0) throw new ArgumentException("Expected whole 3072-byte RGB images.");
        int n = rgb.Length / PixelsPerImage;
        var grey = new byte[n * 1024];
        for (var i = 0; i < n; i++)
        {
            var image = rgb.Slice(i * PixelsPerImage, PixelsPerImage);
            for (var p = 0; p < 1024; p++)
                grey[i * 1024 + p] = (byte)((299 * image[p] + 587 * image[1024 + p] + 114 * image[2048 + p] + 500) / 1000);
        }
        return grey;
    }
}
