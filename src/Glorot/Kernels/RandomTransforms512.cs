using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Glorot.Kernels;

/// <summary>
/// The AVX-512 form of <see cref="RandomTransforms"/>: the same operations in the same order on sixteen lanes,
/// applied to Philox words still in registers, so whole groups never go through memory before their store.
/// </summary>
internal static class RandomTransforms512
{
    private const float TwoPow24Inv = 1.0f / 16777216.0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Uniform(Vector512<uint> w, Vector512<float> low, Vector512<float> width) =>
        Vector512.FusedMultiplyAdd(
            Vector512.ConvertToSingle(Vector512.ShiftRightLogical(w, 8).AsInt32()) * Vector512.Create(TwoPow24Inv), width, low);

    /// <summary>Box–Muller on words (a, b): (r·cos θ, r·sin θ); see <see cref="RandomTransforms.BoxMuller(uint, uint)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<float> Cos, Vector512<float> Sin) BoxMuller(Vector512<uint> a, Vector512<uint> b)
    {
        var j = Vector512.Create(1 << 24) - Vector512.ShiftRightLogical(a, 8).AsInt32();
        var radius = Vector512.Sqrt(Vector512.Create(-2f) * LogOfInteger(j));
        var k = Vector512.ShiftRightLogical(b, 8).AsInt32();
        var quadrant = Vector512.ShiftRightArithmetic(k + Vector512.Create(1 << 21), 22);
        var phi = Vector512.ConvertToSingle(k - Vector512.ShiftLeft(quadrant, 22)) * Vector512.Create(RandomTransforms.QuarterTurnPerUnit);
        var z = phi * phi;
        var sin = Vector512.FusedMultiplyAdd(
            Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create(RandomTransforms.S0), z, Vector512.Create(RandomTransforms.S1)), z, Vector512.Create(RandomTransforms.S2)) * z,
            phi, phi);
        var cos = Vector512.FusedMultiplyAdd(
            Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create(RandomTransforms.C0), z, Vector512.Create(RandomTransforms.C1)), z, Vector512.Create(RandomTransforms.C2)) * z,
            z, Vector512.FusedMultiplyAdd(Vector512.Create(-0.5f), z, Vector512<float>.One));
        var swap = Vector512.Equals(quadrant & Vector512<int>.One, Vector512<int>.One).AsSingle();
        var s = Vector512.ConditionalSelect(swap, cos, sin);
        var c = Vector512.ConditionalSelect(swap, sin, cos);
        var signBit = Vector512.Create(int.MinValue);
        var sSign = Vector512.ShiftLeft(quadrant & Vector512.Create(2), 30) & signBit;
        var cSign = Vector512.ShiftLeft((quadrant + Vector512<int>.One) & Vector512.Create(2), 30) & signBit;
        s = (s.AsInt32() ^ sSign).AsSingle();
        c = (c.AsInt32() ^ cSign).AsSingle();
        return (radius * c, radius * s);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> LogOfInteger(Vector512<int> j)
    {
        var bits = Vector512.ConvertToSingle(j).AsInt32();
        var e = Vector512.ShiftRightArithmetic(bits, 23) - Vector512.Create(127);
        var mantissa = (bits & Vector512.Create(0x007FFFFF)) | Vector512.Create(0x3F800000);
        var above = Vector512.GreaterThan(mantissa, Vector512.Create(RandomTransforms.SqrtTwoBits));
        mantissa += above & Vector512.Create(-0x00800000);
        e -= above;
        var f = mantissa.AsSingle() - Vector512<float>.One;
        var z = f * f;
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(RandomTransforms.L0), f, Vector512.Create(RandomTransforms.L1));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(RandomTransforms.L2));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(RandomTransforms.L3));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(RandomTransforms.L4));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(RandomTransforms.L5));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(RandomTransforms.L6));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(RandomTransforms.L7));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(RandomTransforms.L8));
        var y = Vector512.FusedMultiplyAdd(p * f, z, Vector512.FusedMultiplyAdd(Vector512.Create(-0.5f), z, f));
        var exponent = Vector512.ConvertToSingle(e - Vector512.Create(24));
        return Vector512.FusedMultiplyAdd(exponent, Vector512.Create(RandomTransforms.Ln2Hi),
            Vector512.FusedMultiplyAdd(exponent, Vector512.Create(RandomTransforms.Ln2Lo), y));
    }
}
