using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>
/// Sixteen Philox4x32-10 blocks at once (counters block0 … block0+15 of one (seed, stream)), as four vectors of
/// sixteen words: word w of block block0+lane. Three paths (Vector512, 2×Vector256, scalar) give identical bits.
/// </summary>
internal static class PhiloxVector
{
    /// <summary>Which instruction set the fills use; tests force each path in turn.</summary>
    internal enum Path { Auto, Vector512, Vector256, Scalar }

    internal static Path Forced { get; set; } = Path.Auto;

    internal static Path Active => Forced != Path.Auto ? Forced
        : Avx512F.IsSupported ? Path.Vector512
        : Avx2.IsSupported ? Path.Vector256
        : Path.Scalar;

    /// <summary>Blocks block0 … block0+15 written to w0..w3 (16 words each): w_j[lane] = word j of block0+lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Blocks16(ulong seed, ulong stream, ulong block0, Path path,
        Span<uint> w0, Span<uint> w1, Span<uint> w2, Span<uint> w3)
    {
        if (path == Path.Vector512 && Avx512F.IsSupported)
        {
            var (a, b, c, d) = Rounds512(seed, stream, block0, Lanes512);
            a.CopyTo(w0); b.CopyTo(w1); c.CopyTo(w2); d.CopyTo(w3);
        }
        else if (path == Path.Vector256 && Avx2.IsSupported)
        {
            var lanes = Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7);
            for (var half = 0; half < 2; half++)
            {
                var (a, b, c, d) = Rounds256(seed, stream, block0 + (ulong)(8 * half), lanes);
                a.CopyTo(w0[(8 * half)..]); b.CopyTo(w1[(8 * half)..]);
                c.CopyTo(w2[(8 * half)..]); d.CopyTo(w3[(8 * half)..]);
            }
        }
        else
        {
            for (var lane = 0; lane < 16; lane++)
                (w0[lane], w1[lane], w2[lane], w3[lane]) = Philox4x32.Block(seed, stream, block0 + (ulong)lane);
        }
    }

    /// <summary>The sixteen lane offsets 0 … 15.</summary>
    internal static Vector512<uint> Lanes512 => Vector512.Create(0u, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    /// <summary>Words 0…3 of blocks block0 + lanes (AVX-512 only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector512<uint>, Vector512<uint>, Vector512<uint>, Vector512<uint>) Rounds512(
        ulong seed, ulong stream, ulong block0, Vector512<uint> lanes)
    {
        // Counter word 0 = low 32 bits of the block index, word 1 = high bits, carrying where lanes wrap.
        var lo = Vector512.Create((uint)block0) + lanes;
        var carry = Vector512.LessThan(lo, lanes) & Vector512<uint>.One;
        var c0 = lo;
        var c1 = Vector512.Create((uint)(block0 >> 32)) + carry;
        var c2 = Vector512.Create((uint)stream);
        var c3 = Vector512.Create((uint)(stream >> 32));
        uint k0 = (uint)seed, k1 = (uint)(seed >> 32);
        var m0 = Vector512.Create((ulong)Philox4x32.M0).AsUInt32();
        var m1 = Vector512.Create((ulong)Philox4x32.M1).AsUInt32();
        var odd = Vector512.Create(0xFFFFFFFF_00000000UL).AsUInt32();
        for (var round = 0; round < Philox4x32.Rounds; round++)
        {
            if (round > 0) { k0 += Philox4x32.W0; k1 += Philox4x32.W1; }
            // 32×32→64 products: vpmuludq multiplies the even words; odd words are shifted down first.
            var p0e = Avx512F.Multiply(c0, m0);
            var p0o = Avx512F.Multiply(Vector512.ShiftRightLogical(c0.AsUInt64(), 32).AsUInt32(), m0);
            var p1e = Avx512F.Multiply(c2, m1);
            var p1o = Avx512F.Multiply(Vector512.ShiftRightLogical(c2.AsUInt64(), 32).AsUInt32(), m1);
            // vpternlogd: 0xF8 = a | (b & c), 0x96 = a ^ b ^ c; one instruction each instead of two.
            var hi0 = Avx512F.TernaryLogic(Vector512.ShiftRightLogical(p0e, 32).AsUInt32(), p0o.AsUInt32(), odd, 0xF8);
            var hi1 = Avx512F.TernaryLogic(Vector512.ShiftRightLogical(p1e, 32).AsUInt32(), p1o.AsUInt32(), odd, 0xF8);
            var lo0 = c0 * Vector512.Create(Philox4x32.M0);
            var lo1 = c2 * Vector512.Create(Philox4x32.M1);
            (c0, c1, c2, c3) = (Avx512F.TernaryLogic(hi1, c1, Vector512.Create(k0), 0x96), lo1,
                Avx512F.TernaryLogic(hi0, c3, Vector512.Create(k1), 0x96), lo0);
        }
        return (c0, c1, c2, c3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<uint>, Vector256<uint>, Vector256<uint>, Vector256<uint>) Rounds256(
        ulong seed, ulong stream, ulong block0, Vector256<uint> lanes)
    {
        var lo = Vector256.Create((uint)block0) + lanes;
        var carry = Vector256.LessThan(lo, lanes) & Vector256<uint>.One;
        var c0 = lo;
        var c1 = Vector256.Create((uint)(block0 >> 32)) + carry;
        var c2 = Vector256.Create((uint)stream);
        var c3 = Vector256.Create((uint)(stream >> 32));
        uint k0 = (uint)seed, k1 = (uint)(seed >> 32);
        var m0 = Vector256.Create((ulong)Philox4x32.M0).AsUInt32();
        var m1 = Vector256.Create((ulong)Philox4x32.M1).AsUInt32();
        var odd = Vector256.Create(0xFFFFFFFF_00000000UL).AsUInt32();
        for (var round = 0; round < Philox4x32.Rounds; round++)
        {
            if (round > 0) { k0 += Philox4x32.W0; k1 += Philox4x32.W1; }
            var p0e = Avx2.Multiply(c0, m0);
            var p0o = Avx2.Multiply(Vector256.ShiftRightLogical(c0.AsUInt64(), 32).AsUInt32(), m0);
            var p1e = Avx2.Multiply(c2, m1);
            var p1o = Avx2.Multiply(Vector256.ShiftRightLogical(c2.AsUInt64(), 32).AsUInt32(), m1);
            var hi0 = Vector256.ShiftRightLogical(p0e, 32).AsUInt32() | (p0o.AsUInt32() & odd);
            var hi1 = Vector256.ShiftRightLogical(p1e, 32).AsUInt32() | (p1o.AsUInt32() & odd);
            var lo0 = c0 * Vector256.Create(Philox4x32.M0);
            var lo1 = c2 * Vector256.Create(Philox4x32.M1);
            (c0, c1, c2, c3) = (hi1 ^ c1 ^ Vector256.Create(k0), lo1, hi0 ^ c3 ^ Vector256.Create(k1), lo0);
        }
        return (c0, c1, c2, c3);
    }
}
