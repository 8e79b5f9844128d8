using System.Text;
using Glorot.Lab.TensorBoard;

namespace Glorot.Lab.Tests.TensorBoard;

public sealed class Crc32CTests
{
    // RFC 3720 §B.4 "CRC Examples" (32-byte buffers), and the common check value of "123456789".
    public static TheoryData<byte[], uint> Vectors => new()
    {
        { new byte[32], 0x8A9136AA },
        { Enumerable.Repeat((byte)0xFF, 32).ToArray(), 0x62A8AB43 },
        { Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 0x46DD794E },
        { Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray(), 0x113FDB5C },
        { Encoding.ASCII.GetBytes("123456789"), 0xE3069283 },
        { [], 0x00000000 },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Crc32C_matches_the_RFC_3720_vectors(byte[] data, uint expected) => Assert.Equal(expected, Crc32C.Compute(data));

    [Fact]
    public void Crc32C_of_every_length_matches_a_bitwise_reference()
    {
        // The 8-byte steps and the byte tail must agree with the definition at every length and alignment.
        var data = Enumerable.Range(0, 40).Select(i => (byte)(i * 37 + 11)).ToArray();
        for (int start = 0; start < 8; start++)
            for (int length = 0; start + length <= data.Length; length++)
                Assert.Equal(Bitwise(data.AsSpan(start, length)), Crc32C.Compute(data.AsSpan(start, length)));
    }

    [Theory]
    [InlineData(0x00000000u, 0xA282EAD8u)]
    [InlineData(0x8A9136AAu, 0x0FD7FFFAu)]
    [InlineData(0xE3069283u, 0xC78AB0E5u)]
    public void Mask_rotates_right_by_15_and_adds_the_TFRecord_delta(uint crc, uint masked) => Assert.Equal(masked, Crc32C.Mask(crc));

    // CRC-32C one bit at a time from the reflected Castagnoli polynomial (RFC 3720 §B.4).
    private static uint Bitwise(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78 : crc >> 1;
        }
        return ~crc;
    }
}
