using System.Runtime.CompilerServices;

namespace Glorot.Kernels;

/// <summary>
/// The counter-based generator Philox4x32-10 of Salmon, Moraes, Dror &amp; Shaw,
/// "Parallel random numbers: as easy as 1, 2, 3" (SC 2011). A block of four 32-bit words is a pure function of
/// a 64-bit key and a 128-bit counter, so any draw can be computed on its own, by any thread, in any order.
/// </summary>
/// <remarks>
/// Glorot maps (seed, stream, block) to (key, counter) as: key = seed; counter = (block low, block high,
/// stream low, stream high). Every random value in the project is a function of those three numbers alone.
/// Known-answer vectors from Random123's <c>kat_vectors</c> are checked in the tests.
/// </remarks>
internal static class Philox4x32
{
    // Multipliers and Weyl key increments of Philox4x32 (Salmon et al. 2011, Table 2; Random123 philox.h).
    internal const uint M0 = 0xD2511F53;
    internal const uint M1 = 0xCD9E8D57;
    internal const uint W0 = 0x9E3779B9; // golden ratio
    internal const uint W1 = 0xBB67AE85; // √3 − 1
    internal const int Rounds = 10;

    /// <summary>One Philox4x32-10 block: four words for counter (c0, c1, c2, c3) under key (k0, k1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (uint X0, uint X1, uint X2, uint X3) Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (var round = 0; round < Rounds; round++)
        {
            if (round > 0)
            {
                k0 += W0;
                k1 += W1;
            }
            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint hi0 = (uint)(p0 >> 32), lo0 = (uint)p0;
            uint hi1 = (uint)(p1 >> 32), lo1 = (uint)p1;
            (c0, c1, c2, c3) = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0);
        }
        return (c0, c1, c2, c3);
    }

    /// <summary>Block <paramref name="block"/> of stream <paramref name="stream"/> under <paramref name="seed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (uint X0, uint X1, uint X2, uint X3) Block(ulong seed, ulong stream, ulong block) =>
        Block((uint)block, (uint)(block >> 32), (uint)stream, (uint)(stream >> 32), (uint)seed, (uint)(seed >> 32));

    /// <summary>Maps a 32-bit word to [0, 1) with 24 bits of resolution: (u >> 8)·2⁻²⁴, exactly representable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ToUnitFloat(uint u) => (u >> 8) * (1.0f / 16777216.0f);

    /// <summary>Maps two words to a double in [0, 1) with 53 bits of resolution.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToUnitDouble(uint hi, uint lo) =>
        ((((ulong)hi << 32) | lo) >> 11) * (1.0 / 9007199254740992.0);
}
