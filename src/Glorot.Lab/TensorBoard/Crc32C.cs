using System.Buffers.Binary;
using System.Numerics;

namespace Glorot.Lab.TensorBoard;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78; RFC 3720 §B.4) and the masked form TFRecord files store
/// (TensorFlow's tsl/lib/hash/crc32c.h <c>Mask</c>: rotate right by 15 bits, add 0xA282EAD8), so that a CRC of data
/// that itself holds CRCs does not degenerate.
/// </summary>
internal static class Crc32C
{
    private const uint MaskDelta = 0xA282EAD8;

    /// <summary>The CRC-32C of <paramref name="data"/> (initial value and final XOR 0xFFFFFFFF, as RFC 3720).</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        // BitOperations.Crc32C uses the SSE4.2 / ARMv8 CRC instruction when there is one, a table otherwise.
        uint crc = 0xFFFFFFFF;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (byte b in data) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }

    /// <summary>The masked CRC of TFRecord framing: ((crc &gt;&gt; 15) | (crc &lt;&lt; 17)) + 0xA282EAD8.</summary>
    public static uint Mask(uint crc) => BitOperations.RotateRight(crc, 15) + MaskDelta;

}
