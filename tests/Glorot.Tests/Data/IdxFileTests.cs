using System.Buffers.Binary;
using System.IO.Compression;
using CsCheck;
using Glorot.Data;

namespace Glorot.Tests.Data;

public class IdxFileTests
{
    private static byte[] Header(byte type, params int[] dims)
    {
        var bytes = new byte[4 + 4 * dims.Length];
        bytes[2] = type;
        bytes[3] = (byte)dims.Length;
        for (var i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        return bytes;
    }

    private static byte[] Gzip(byte[] content)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(content);
        return memory.ToArray();
    }

    private static InvalidDataException ReadFails(TempDirectory dir, byte[] content, int? rank = null)
    {
        string path = dir.File("bad-idx3-ubyte");
        File.WriteAllBytes(path, content);
        var ex = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path, rank));
        Assert.StartsWith(path, ex.Message);
        return ex;
    }

    [Fact]
    public void Round_trips_plain_and_gzipped_arrays_of_any_shape()
    {
        using var dir = new TempDirectory();
        Gen.Int[1, 4].SelectMany(rank => Gen.Int[1, 6].Array[rank]).SelectMany(dims =>
                Gen.Byte.Array[dims.Aggregate(1, (p, d) => p * d)].Select(data => new IdxArray(dims, data)))
            .Select(Gen.Bool, (array, gzip) => (array, gzip))
            .Sample(t =>
            {
                string path = dir.File(Guid.NewGuid().ToString("N")); // CsCheck samples on several threads
                IdxFile.Write(path, t.array, t.gzip);
                var back = IdxFile.Read(path);
                Assert.Equal(t.array.Dimensions, back.Dimensions);
                Assert.Equal(t.array.Data, back.Data);
            }, iter: 200);
    }

    [Fact]
    public void Truncated_data_is_reported_with_both_sizes()
    {
        using var dir = new TempDirectory();
        var ex = ReadFails(dir, [.. Header(8, 5, 4, 4), .. new byte[79]]);
        Assert.Contains("truncated", ex.Message);
        Assert.Contains("96", ex.Message); // 16-byte header + 80 data bytes needed
    }

    [Fact]
    public void Truncated_header_is_reported()
    {
        using var dir = new TempDirectory();
        Assert.Contains("truncated", ReadFails(dir, [0, 0, 8, 3, 0, 0]).Message);
        Assert.Contains("truncated", ReadFails(dir, [0, 0]).Message);
        Assert.Contains("truncated", ReadFails(dir, []).Message);
    }

    [Fact]
    public void Wrong_magic_and_unsupported_types_are_reported()
    {
        using var dir = new TempDirectory();
        Assert.Contains("magic", ReadFails(dir, [.. "PK\u0003\u0004"u8.ToArray(), .. new byte[40]]).Message);
        Assert.Contains("0x0D", ReadFails(dir, [.. Header(0x0D, 2), .. new byte[8]]).Message);
        Assert.Contains("0 dimensions", ReadFails(dir, [0, 0, 8, 0]).Message);
    }

    [Fact]
    public void Wrong_rank_is_reported()
    {
        using var dir = new TempDirectory();
        Assert.Contains("expected 3", ReadFails(dir, [.. Header(8, 4), 1, 2, 3, 4], rank: 3).Message);
    }

    [Theory]
    [InlineData(0, 28, 28)]
    [InlineData(10, 0, 28)]
    [InlineData(-5, 28, 28)]
    [InlineData(int.MinValue, 28, 28)]
    public void Impossible_dimensions_are_reported(int n, int rows, int cols)
    {
        using var dir = new TempDirectory();
        Assert.Contains("impossible dimension", ReadFails(dir, [.. Header(8, n, rows, cols), .. new byte[64]]).Message);
    }

    [Fact]
    public void Dimensions_beyond_two_to_the_31_elements_are_reported()
    {
        using var dir = new TempDirectory();
        Assert.Contains("impossible dimensions", ReadFails(dir, [.. Header(8, int.MaxValue, 28, 28), .. new byte[64]]).Message);
    }

    [Fact]
    public void A_huge_claim_in_a_small_file_fails_before_allocating_it()
    {
        using var dir = new TempDirectory();
        foreach (var gzip in new[] { false, true })
        {
            byte[] content = [.. Header(8, 2_000_000, 28, 28), .. new byte[100]]; // claims 1.5 GB
            string path = dir.File(gzip ? "huge.gz" : "huge");
            File.WriteAllBytes(path, gzip ? Gzip(content) : content);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var ex = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.StartsWith(path, ex.Message);
            Assert.Contains("1,568,000,016", ex.Message);
            Assert.True(allocated < 10_000_000, $"allocated {allocated:N0} bytes");
        }
    }

    // A gzip file can carry incompressible bytes so that its size passes the 1032:1 deflate bound, and a trailer
    // (ISIZE) rewritten to agree with the header's claim; only decompressing shows the data is not there.
    private static byte[] PaddedGzip(byte[] content, long claimedLength, int padding)
    {
        var noise = new byte[padding];
        new System.Random(5).NextBytes(noise);
        var file = Gzip([.. content, .. noise]);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 4), (uint)claimedLength);
        return file;
    }

    [Fact]
    public void A_claim_beyond_the_largest_array_is_reported_even_when_the_gzip_trailer_agrees()
    {
        // 2³¹ − 1 elements: not above the old 2³¹ limit, but above Array.MaxLength (2³¹ − 57).
        using var dir = new TempDirectory();
        var ex = ReadFails(dir, PaddedGzip(Header(8, int.MaxValue), 8L + int.MaxValue, 2_100_000));
        Assert.True(ex.Message.Contains("impossible dimensions"), ex.Message);
    }

    [Fact]
    public void A_padded_gzip_whose_trailer_agrees_with_a_huge_claim_fails_before_allocating_it()
    {
        using var dir = new TempDirectory();
        const long claimed = 16 + 2_000_000L * 28 * 28; // 1.5 GB from a 1.6 MB file
        byte[] content = PaddedGzip([.. Header(8, 2_000_000, 28, 28), .. new byte[100]], claimed, 1_600_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = ReadFails(dir, content);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(ex.Message.Contains("corrupt gzip") || ex.Message.Contains("truncated"), ex.Message);
        Assert.True(allocated < 100_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Trailing_bytes_after_the_array_are_reported()
    {
        using var dir = new TempDirectory();
        Assert.Contains("too many", ReadFails(dir, [.. Header(8, 2), 1, 2, 3]).Message);
        string path = dir.File("trailing.gz");
        File.WriteAllBytes(path, Gzip([.. Header(8, 2), 1, 2, 3]));
        Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
    }

    [Fact]
    public void Corrupt_and_truncated_gzip_are_reported()
    {
        using var dir = new TempDirectory();
        var random = new System.Random(5);
        var data = new byte[20_000];
        random.NextBytes(data);
        byte[] gz = Gzip([.. Header(8, 20_000), .. data]);

        string truncated = dir.File("truncated.gz");
        File.WriteAllBytes(truncated, gz[..(gz.Length / 2)]);
        var ex = Assert.Throws<InvalidDataException>(() => IdxFile.Read(truncated));
        Assert.StartsWith(truncated, ex.Message);

        string shortFile = dir.File("short.gz");
        File.WriteAllBytes(shortFile, gz[..12]);
        Assert.StartsWith(shortFile, Assert.Throws<InvalidDataException>(() => IdxFile.Read(shortFile)).Message);

        // Flip bytes inside the deflate stream (keeping the trailer): the data or its CRC-32 no longer agree.
        for (var offset = 40; offset < gz.Length - 8; offset += gz.Length / 7)
        {
            var corrupt = (byte[])gz.Clone();
            for (var k = 0; k < 4; k++) corrupt[offset + k] ^= 0x5A;
            string path = dir.File($"corrupt{offset}.gz");
            File.WriteAllBytes(path, corrupt);
            var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
            Assert.StartsWith(path, e.Message);
        }
    }

    [Fact]
    public void A_directory_or_a_missing_file_is_reported_by_name()
    {
        using var dir = new TempDirectory();
        var ex = Assert.Throws<InvalidDataException>(() => IdxFile.Read(dir.Path));
        Assert.Contains("is a directory", ex.Message);
        string missing = dir.File("nope");
        Assert.StartsWith(missing, Assert.Throws<FileNotFoundException>(() => IdxFile.Read(missing)).Message);
    }

    [Fact]
    public void Labels_outside_the_classes_are_reported_with_their_position()
    {
        using var dir = new TempDirectory();
        string path = dir.File("labels");
        IdxFile.Write(path, new IdxArray([4], [1, 2, 10, 3]));
        var ex = Assert.Throws<InvalidDataException>(() => IdxFile.ReadLabels(path, 10));
        Assert.Contains("label 10 of example 2", ex.Message);
    }
}
