using System.Text;
using CsCheck;
using Glorot.Data;

namespace Glorot.Tests.Data;

public class NpyTests
{
    // numpy 1.24: np.save(f, np.arange(6, dtype=np.float32).reshape(2, 3) * 0.5 - 1)
    private const string NumpyFloat32 =
        "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAIC/AAAAvwAAAAAAAAA/AACAPwAAwD8=";

    // numpy 1.24: np.save(f, np.array([1.5, -2.25, 1e300]))
    private const string NumpyFloat64 =
        "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAAALAnHUAiDzkN34=";

    private static NpyArray ReadBytes(byte[] bytes) => Npy.Read(new MemoryStream(bytes), "test.npy");

    private static InvalidDataException Rejects(byte[] bytes) =>
        Assert.Throws<InvalidDataException>(() => ReadBytes(bytes));

    private static byte[] File32(string header, int dataBytes)
    {
        var h = Encoding.ASCII.GetBytes(header);
        var bytes = new byte[10 + h.Length + dataBytes];
        bytes[0] = 0x93;
        "NUMPY"u8.ToArray().CopyTo(bytes, 1);
        bytes[6] = 1;
        bytes[8] = (byte)h.Length;
        bytes[9] = (byte)(h.Length >> 8);
        h.CopyTo(bytes, 10);
        return bytes;
    }

    [Fact]
    public void Reads_files_written_by_numpy()
    {
        var a = ReadBytes(Convert.FromBase64String(NumpyFloat32));
        Assert.Equal(NpyDType.Float32, a.DType);
        Assert.Equal([2, 3], a.Shape);
        Assert.Equal([-1f, -0.5f, 0f, 0.5f, 1f, 1.5f], a.Singles!);
        var b = ReadBytes(Convert.FromBase64String(NumpyFloat64));
        Assert.Equal(NpyDType.Float64, b.DType);
        Assert.Equal([3], b.Shape);
        Assert.Equal([1.5, -2.25, 1e300], b.Doubles!);
    }

    [Fact]
    public void Writes_the_same_bytes_as_numpy()
    {
        var stream = new MemoryStream();
        Npy.Write(stream, [-1f, -0.5f, 0f, 0.5f, 1f, 1.5f], [2, 3]);
        Assert.Equal(Convert.FromBase64String(NumpyFloat32), stream.ToArray());
        stream = new MemoryStream();
        Npy.Write(stream, [1.5, -2.25, 1e300], [3]);
        Assert.Equal(Convert.FromBase64String(NumpyFloat64), stream.ToArray());
    }

    [Fact]
    public void Round_trips_any_shape_and_both_dtypes()
    {
        Gen.Int[0, 4].SelectMany(rank => Gen.Int[0, 5].Array[rank]).Sample(shape =>
        {
            int count = shape.Aggregate(1, (p, d) => p * d);
            var values = Enumerable.Range(0, count).Select(i => i * 0.37f - 3).ToArray();
            var stream = new MemoryStream();
            Npy.Write(stream, values, shape);
            Assert.Equal(0, stream.Length % 64 == 0 ? 0 : (stream.Length - count * 4) % 64);
            stream.Position = 0;
            var back = Npy.Read(stream, "x.npy");
            Assert.Equal(shape, back.Shape);
            Assert.Equal(values, back.Singles);

            var doubles = values.Select(v => v * 1e200).ToArray();
            stream = new MemoryStream();
            Npy.Write(stream, doubles, shape);
            stream.Position = 0;
            Assert.Equal(doubles, Npy.Read(stream, "x.npy").Doubles);
        }, iter: 200);
    }

    [Fact]
    public void Writing_rejects_a_shape_that_does_not_match_the_data() =>
        Assert.Throws<ArgumentException>(() => Npy.Write(new MemoryStream(), new float[5], [2, 3]));

    [Fact]
    public void Bad_magic_is_rejected_by_name()
    {
        var bytes = Convert.FromBase64String(NumpyFloat32);
        bytes[1] = (byte)'X';
        var ex = Rejects(bytes);
        Assert.Contains("test.npy", ex.Message);
        Assert.Contains("magic", ex.Message);
    }

    [Fact]
    public void Every_truncation_is_rejected_as_truncated()
    {
        var bytes = Convert.FromBase64String(NumpyFloat32);
        for (int length = 0; length < bytes.Length; length++)
            Assert.Contains("truncated", Rejects(bytes[..length]).Message);
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        var bytes = Convert.FromBase64String(NumpyFloat32);
        Assert.Contains("after the data", Rejects([.. bytes, 0, 0, 0, 0]).Message);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", "Fortran")]
    [InlineData("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", "big-endian")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }", "not supported")]
    [InlineData("{'descr': '<f4', 'shape': (2,), }", "fortran_order")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'evil': 1}", "unexpected key")]
    [InlineData("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", "repeats")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }", "non-negative integer")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999,), }", "too large")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } trailing", "after the dictionary")]
    [InlineData("{'descr': '<f4', 'fortran_order': Fals, 'shape': (2,), }", "True or False")]
    [InlineData("{'descr: '<f4', 'fortran_order': False, 'shape': (2,), }", "expected ':'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2,, }", "non-negative integer")]
    [InlineData("", "expected '{'")]
    public void Malformed_headers_are_rejected_with_the_reason(string header, string reason)
    {
        var ex = Rejects(File32(header + "\n", 8));
        Assert.Contains(reason, ex.Message);
        Assert.StartsWith("test.npy:", ex.Message);
    }

    [Fact]
    public void A_shape_claiming_more_data_than_the_file_holds_is_rejected_before_allocating()
    {
        // 2²⁹ × 2 floats would be 4 GiB: the check against the file size must come first.
        var ex = Rejects(File32("{'descr': '<f4', 'fortran_order': False, 'shape': (536870912, 2), }\n", 8));
        Assert.Contains("truncated", ex.Message);
        ex = Rejects(File32("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647, 2147483647), }\n", 8));
        Assert.Contains("more elements", ex.Message);
    }

    [Fact]
    public void A_hostile_header_length_is_rejected()
    {
        var bytes = Convert.FromBase64String(NumpyFloat32);
        bytes[6] = 2; // version 2.0: 4-byte header length
        var v2 = new byte[bytes.Length + 2];
        bytes[..8].CopyTo(v2, 0);
        BitConverter.GetBytes(0x7FFF_FFFFu).CopyTo(v2, 8);
        Assert.Contains("limit", Rejects(v2).Message);
        bytes = Convert.FromBase64String(NumpyFloat32);
        bytes[6] = 9;
        Assert.Contains("version 9.0", Rejects(bytes).Message);
    }

    [Fact]
    public void ReadSingles_checks_dtype_and_shape()
    {
        string dir = Directory.CreateTempSubdirectory("npy").FullName;
        try
        {
            string f32 = Path.Combine(dir, "a.npy"), f64 = Path.Combine(dir, "b.npy");
            Npy.Write(f32, [1f, 2f], [2]);
            Npy.Write(f64, [1.0, 2.0], [2]);
            Assert.Equal([1f, 2f], Npy.ReadSingles(f32, [2]));
            Assert.Contains("shape (2,) where (1, 2)", Assert.Throws<InvalidDataException>(() => Npy.ReadSingles(f32, [1, 2])).Message);
            Assert.Contains("float64", Assert.Throws<InvalidDataException>(() => Npy.ReadSingles(f64, [2])).Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Arrays_larger_than_one_write_chunk_round_trip()
    {
        // 5 M floats = 20 MB, more than the 16 MiB slices data moves in (the path that lets > 2^29 elements be written).
        var values = new float[5_000_003];
        for (int i = 0; i < values.Length; i++) values[i] = i * 0.25f - 7;
        using var temp = new TempDirectory();
        string path = temp.File("big.npy");
        Npy.Write(path, values, [5_000_003]);
        Assert.True(values.AsSpan().SequenceEqual(Npy.ReadSingles(path, [5_000_003])));
        Assert.Equal(["big.npy"], Directory.GetFiles(temp.Path).Select(System.IO.Path.GetFileName));
    }
}
