using Glorot.Data;

namespace Glorot.Tests.Data;

public class Cifar10BinaryTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Records_round_trip(bool gzip)
    {
        using var dir = new TempDirectory();
        var random = new System.Random(3);
        var pixels = new byte[7 * 3072];
        random.NextBytes(pixels);
        byte[] labels = [0, 9, 3, 3, 5, 1, 7];
        string path = dir.File("data_batch_1.bin");
        Cifar10Binary.Write(path, pixels, labels, gzip);
        var (p, l) = Cifar10Binary.Read(path);
        Assert.Equal(pixels, p);
        Assert.Equal(labels, l);
    }

    [Fact]
    public void Malformed_batches_are_reported_by_name()
    {
        using var dir = new TempDirectory();
        string path = dir.File("data_batch_1.bin");
        void Fails(byte[] content, string expected)
        {
            File.WriteAllBytes(path, content);
            var ex = Assert.Throws<InvalidDataException>(() => Cifar10Binary.Read(path));
            Assert.StartsWith(path, ex.Message);
            Assert.Contains(expected, ex.Message);
        }
        Fails([], "empty");
        Fails(new byte[3073 * 2 - 5], "not a whole number");
        var badLabel = new byte[3073 * 2];
        badLabel[3073] = 10;
        Fails(badLabel, "record 1 has label 10");
        Assert.Contains("is a directory", Assert.Throws<InvalidDataException>(() => Cifar10Binary.Read(dir.Path)).Message);
    }

    [Fact]
    public void A_gzip_trailer_claiming_more_records_than_all_of_CIFAR10_is_reported()
    {
        // 900,000 records = 2.77 GB: a 2.7 MB gzip padded so its size passes the deflate bound, with a trailer
        // (ISIZE) that agrees; the pixel array it claims is larger than one .NET array.
        using var dir = new TempDirectory();
        string path = dir.File("data_batch_1.bin.gz");
        using (var memory = new MemoryStream())
        {
            using (var gzip = new System.IO.Compression.GZipStream(memory, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                gzip.Write(new byte[3073]);
            var gz = memory.ToArray();
            var file = new byte[gz.Length + 2_700_000];
            gz.AsSpan(0, gz.Length - 4).CopyTo(file);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 4), unchecked((uint)(900_000L * 3073)));
            File.WriteAllBytes(path, file);
        }
        var ex = Assert.Throws<InvalidDataException>(() => Cifar10Binary.Read(path));
        Assert.StartsWith(path, ex.Message);
        Assert.Contains("900,000 records", ex.Message);
    }

    [Fact]
    public void Grey_is_the_rounded_BT601_luma()
    {
        var rgb = new byte[3072];
        rgb[0] = 255; rgb[1024] = 0; rgb[2048] = 0;       // pure red → 76.245 → 76
        rgb[1] = 0; rgb[1025] = 255; rgb[2049] = 0;       // green → 149.685 → 150
        rgb[2] = 10; rgb[1026] = 20; rgb[2050] = 30;      // 2.99 + 11.74 + 3.42 = 18.15 → 18
        rgb[3] = 255; rgb[1027] = 255; rgb[2051] = 255;   // white stays 255
        var grey = Cifar10Binary.ToGrey(rgb);
        Assert.Equal(1024, grey.Length);
        Assert.Equal([76, 150, 18, 255], grey[..4]);
    }
}
