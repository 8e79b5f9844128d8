using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>
/// Turns a group of 64 Philox words into 64 uniform or normal floats. The Vector256 and scalar versions perform
/// the same operations in the same order (fused multiply-adds included), so they give identical bits.
/// </summary>
/// <remarks>
/// Group layout (see <see cref="PhiloxVector.Blocks16"/>): words[16·w + lane] is word w of block lane.
/// Uniform: element e takes word e. Normal (Box–Muller): words (16·0+l, 16·1+l) give elements 16·0+l (cosine
/// branch) and 16·1+l (sine branch); words (16·2+l, 16·3+l) give elements 32+l and 48+l.
/// </remarks>
internal static class RandomTransforms
{
    private const float TwoPow24Inv = 1.0f / 16777216.0f;

    // Cephes logf on [√½, √2): log(1+f) = f − f²/2 + f³·P(f); ln 2 split as C1 + C2 for an exact e·C1.
    internal const float L0 = 7.0376836292E-2f, L1 = -1.1514610310E-1f, L2 = 1.1676998740E-1f,
        L3 = -1.2420140846E-1f, L4 = 1.4249322787E-1f, L5 = -1.6668057665E-1f, L6 = 2.0000714765E-1f,
        L7 = -2.4999993993E-1f, L8 = 3.3333331174E-1f;
    internal const float Ln2Hi = 0.693359375f, Ln2Lo = -2.12194440E-4f;
    internal const int SqrtTwoBits = 0x3FB504F3; // √2 as float bits: mantissas above it are halved

    // Cephes sinf / cosf minimax polynomials on [−π/4, π/4].
    internal const float S0 = -1.9515295891E-4f, S1 = 8.3321608736E-3f, S2 = -1.6666654611E-1f;
    internal const float C0 = 2.443315711809948E-5f, C1 = -1.388731625493765E-3f, C2 = 4.166664568298827E-2f;

    // The angle 2π·k/2²⁴ is reduced with integers: quadrant r = round(k / 2²²), remainder f = k − r·2²²,
    // φ = f·(π/2)/2²² ∈ [−π/4, π/4).
    internal const float QuarterTurnPerUnit = (float)(Math.PI / 2 / (1 << 22));

    /// <summary>out[e] = low + width·u(words[e]), u = (word ≫ 8)·2⁻²⁴ ∈ [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Uniform(ReadOnlySpan<uint> words, Span<float> output, float low, float width, bool vector)
    {
        int i = 0;
        if (vector && Avx2.IsSupported && Fma.IsSupported)
        {
            var lowV = Vector256.Create(low);
            var widthV = Vector256.Create(width);
            var scale = Vector256.Create(TwoPow24Inv);
            for (; i < 64; i += 8)
            {
                var w = Vector256.Create(words.Slice(i, 8));
                var u = Vector256.ConvertToSingle(Vector256.ShiftRightLogical(w, 8).AsInt32()) * scale;
                Vector256.FusedMultiplyAdd(u, widthV, lowV).CopyTo(output[i..]);
            }
        }
        for (; i < 64; i++)
        {
            float u = (int)(words[i] >> 8) * TwoPow24Inv;
            output[i] = MathF.FusedMultiplyAdd(u, width, low);
        }
    }

    /// <summary>Box–Muller: out = mean + std·√(−2 ln u₁)·(cos 2πu₂ | sin 2πu₂), u₁ ∈ (0, 1], u₂ ∈ [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Normal(ReadOnlySpan<uint> words, Span<float> output, float mean, float std, bool vector)
    {
        for (var pair = 0; pair < 64; pair += 32)
        {
            int lane = 0;
            if (vector && Avx2.IsSupported && Fma.IsSupported)
            {
                for (; lane < 16; lane += 8)
                {
                    var a = Vector256.Create(words.Slice(pair + lane, 8));
                    var b = Vector256.Create(words.Slice(pair + 16 + lane, 8));
                    var (n0, n1) = BoxMuller(a, b);
                    Vector256.FusedMultiplyAdd(n0, Vector256.Create(std), Vector256.Create(mean)).CopyTo(output[(pair + lane)..]);
                    Vector256.FusedMultiplyAdd(n1, Vector256.Create(std), Vector256.Create(mean)).CopyTo(output[(pair + 16 + lane)..]);
                }
            }
            for (; lane < 16; lane++)
            {
                var (n0, n1) = BoxMuller(words[pair + lane], words[pair + 16 + lane]);
                output[pair + lane] = MathF.FusedMultiplyAdd(n0, std, mean);
                output[pair + 16 + lane] = MathF.FusedMultiplyAdd(n1, std, mean);
            }
        }
    }

    /// <summary>The scalar Box–Muller pair for words (a, b): (r·cos θ, r·sin θ).</summary>
    internal static (float Cos, float Sin) BoxMuller(uint a, uint b)
    {
        // u₁ = j·2⁻²⁴ with j = 2²⁴ − (a ≫ 8) ∈ [1, 2²⁴], so ln u₁ = ln j − 24 ln 2 and never ln 0.
        int j = (1 << 24) - (int)(a >> 8);
        float radius = MathF.Sqrt(-2f * LogOfInteger(j));
        int k = (int)(b >> 8);
        int quadrant = (k + (1 << 21)) >> 22;
        float phi = (k - (quadrant << 22)) * QuarterTurnPerUnit;
        float z = phi * phi;
        float sin = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(S0, z, S1), z, S2) * z, phi, phi);
        float cos = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(C0, z, C1), z, C2) * z, z,
            MathF.FusedMultiplyAdd(-0.5f, z, 1f));
        (float s, float c) = (quadrant & 1) == 0 ? (sin, cos) : (cos, sin);
        if ((quadrant & 2) != 0) s = -s;
        if (((quadrant + 1) & 2) != 0) c = -c;
        return (radius * c, radius * s);
    }

    /// <summary>ln(j) − 24·ln 2 for 1 ≤ j ≤ 2²⁴ (Cephes logf), i.e. ln(j·2⁻²⁴).</summary>
    private static float LogOfInteger(int j)
    {
        int bits = BitConverter.SingleToInt32Bits(j);
        int e = (bits >> 23) - 127;
        int mantissa = (bits & 0x007FFFFF) | 0x3F800000; // m ∈ [1, 2)
        if (mantissa > SqrtTwoBits) { mantissa -= 0x00800000; e += 1; } // m ∈ [√½, √2)
        float f = BitConverter.Int32BitsToSingle(mantissa) - 1f;
        float z = f * f;
        float p = LogPolynomial(f);
        float y = MathF.FusedMultiplyAdd(p * f, z, MathF.FusedMultiplyAdd(-0.5f, z, f));
        float exponent = e - 24;
        return MathF.FusedMultiplyAdd(exponent, Ln2Hi, MathF.FusedMultiplyAdd(exponent, Ln2Lo, y));
    }

    private static float LogPolynomial(float f)
    {
        float p = MathF.FusedMultiplyAdd(L0, f, L1);
        p = MathF.FusedMultiplyAdd(p, f, L2);
        p = MathF.FusedMultiplyAdd(p, f, L3);
        p = MathF.FusedMultiplyAdd(p, f, L4);
        p = MathF.FusedMultiplyAdd(p, f, L5);
        p = MathF.FusedMultiplyAdd(p, f, L6);
        p = MathF.FusedMultiplyAdd(p, f, L7);
        return MathF.FusedMultiplyAdd(p, f, L8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Cos, Vector256<float> Sin) BoxMuller(Vector256<uint> a, Vector256<uint> b)
    {
        var j = Vector256.Create(1 << 24) - Vector256.ShiftRightLogical(a, 8).AsInt32();
        var radius = Vector256.Sqrt(Vector256.Create(-2f) * LogOfInteger(j));
        var k = Vector256.ShiftRightLogical(b, 8).AsInt32();
        var quadrant = Vector256.ShiftRightArithmetic(k + Vector256.Create(1 << 21), 22);
        var phi = Vector256.ConvertToSingle(k - Vector256.ShiftLeft(quadrant, 22)) * Vector256.Create(QuarterTurnPerUnit);
        var z = phi * phi;
        var sin = Vector256.FusedMultiplyAdd(
            Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create(S0), z, Vector256.Create(S1)), z, Vector256.Create(S2)) * z,
            phi, phi);
        var cos = Vector256.FusedMultiplyAdd(
            Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create(C0), z, Vector256.Create(C1)), z, Vector256.Create(C2)) * z,
            z, Vector256.FusedMultiplyAdd(Vector256.Create(-0.5f), z, Vector256<float>.One));
        var swap = Vector256.Equals(quadrant & Vector256<int>.One, Vector256<int>.One).AsSingle();
        var s = Vector256.ConditionalSelect(swap, cos, sin);
        var c = Vector256.ConditionalSelect(swap, sin, cos);
        var signBit = Vector256.Create(int.MinValue);
        // Negate s in quadrants 2, 3 and c in quadrants 1, 2 by flipping the sign bit.
        var sSign = Vector256.ShiftLeft(quadrant & Vector256.Create(2), 30) & signBit;
        var cSign = Vector256.ShiftLeft((quadrant + Vector256<int>.One) & Vector256.Create(2), 30) & signBit;
        s = (s.AsInt32() ^ sSign).AsSingle();
        c = (c.AsInt32() ^ cSign).AsSingle();
        return (radius * c, radius * s);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> LogOfInteger(Vector256<int> j)
    {
        var bits = Vector256.ConvertToSingle(j).AsInt32();
        var e = Vector256.ShiftRightArithmetic(bits, 23) - Vector256.Create(127);
        var mantissa = (bits & Vector256.Create(0x007FFFFF)) | Vector256.Create(0x3F800000);
        var above = Vector256.GreaterThan(mantissa, Vector256.Create(SqrtTwoBits));
        mantissa += above & Vector256.Create(-0x00800000);
        e -= above; // above is −1 where true
        var f = mantissa.AsSingle() - Vector256<float>.One;
        var z = f * f;
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(L0), f, Vector256.Create(L1));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(L2));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(L3));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(L4));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(L5));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(L6));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(L7));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(L8));
        var y = Vector256.FusedMultiplyAdd(p * f, z, Vector256.FusedMultiplyAdd(Vector256.Create(-0.5f), z, f));
        var exponent = Vector256.ConvertToSingle(e - Vector256.Create(24));
        return Vector256.FusedMultiplyAdd(exponent, Vector256.Create(Ln2Hi),
            Vector256.FusedMultiplyAdd(exponent, Vector256.Create(Ln2Lo), y));
    }
}
