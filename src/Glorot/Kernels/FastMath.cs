using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Glorot.Kernels;

/// <summary>
/// Branch-free float approximations of the transcendental pieces of the activations, each written for scalar,
/// <see cref="Vector256{T}"/> and <see cref="Vector512{T}"/> with the same operations, so that every ISA path
/// computes the same formula. Errors are measured against double precision in FastMathTests and
/// ActivationKernelsTests and stated here.
/// </summary>
internal static class FastMath
{
    // tanh x ≈ x·P(x²)/Q(x²) on [−c, c], the degree-13/6 rational approximation used by Eigen
    // (generic_fast_tanh_float); outside, tanh x rounds to ±1 in float. Measured max |error| 3.9e-7 over
    // [−9, 9] in float arithmetic (FastMathTests).
    private const float TanhClamp = 7.90531110763549805f;
    private const float A1 = 4.89352455891786e-03f, A3 = 6.37261928875436e-04f, A5 = 1.48572235717979e-05f,
        A7 = 5.12229709037114e-08f, A9 = -8.60467152213735e-11f, A11 = 2.00018790482477e-13f,
        A13 = -2.76076847742355e-16f;
    private const float B0 = 4.89352518554385e-03f, B2 = 2.26843463243900e-03f, B4 = 1.18534705686654e-04f,
        B6 = 1.19825839466702e-06f;

    // erfc x ≈ (a₁t + a₂t² + a₃t³ + a₄t⁴ + a₅t⁵)·e^(−x²), t = 1/(1 + p·x), x ≥ 0: Abramowitz & Stegun 7.1.26,
    // |error| ≤ 1.5e-7 in exact arithmetic.
    private const float ErfP = 0.3275911f, E1 = 0.254829592f, E2 = -0.284496736f, E3 = 1.421413741f,
        E4 = -1.453152027f, E5 = 1.061405429f;

    private const float InvSqrt2 = 0.70710678118654752f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float x)
    {
        x = Math.Clamp(x, -TanhClamp, TanhClamp);
        float x2 = x * x;
        float p = MathF.FusedMultiplyAdd(x2, A13, A11);
        p = MathF.FusedMultiplyAdd(x2, p, A9);
        p = MathF.FusedMultiplyAdd(x2, p, A7);
        p = MathF.FusedMultiplyAdd(x2, p, A5);
        p = MathF.FusedMultiplyAdd(x2, p, A3);
        p = MathF.FusedMultiplyAdd(x2, p, A1);
        float q = MathF.FusedMultiplyAdd(x2, B6, B4);
        q = MathF.FusedMultiplyAdd(x2, q, B2);
        q = MathF.FusedMultiplyAdd(x2, q, B0);
        return x * p / q;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(-TanhClamp)), Vector256.Create(TanhClamp));
        var x2 = x * x;
        var p = Vector256.FusedMultiplyAdd(x2, Vector256.Create(A13), Vector256.Create(A11));
        p = Vector256.FusedMultiplyAdd(x2, p, Vector256.Create(A9));
        p = Vector256.FusedMultiplyAdd(x2, p, Vector256.Create(A7));
        p = Vector256.FusedMultiplyAdd(x2, p, Vector256.Create(A5));
        p = Vector256.FusedMultiplyAdd(x2, p, Vector256.Create(A3));
        p = Vector256.FusedMultiplyAdd(x2, p, Vector256.Create(A1));
        var q = Vector256.FusedMultiplyAdd(x2, Vector256.Create(B6), Vector256.Create(B4));
        q = Vector256.FusedMultiplyAdd(x2, q, Vector256.Create(B2));
        q = Vector256.FusedMultiplyAdd(x2, q, Vector256.Create(B0));
        return x * p / q;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-TanhClamp)), Vector512.Create(TanhClamp));
        var x2 = x * x;
        var p = Vector512.FusedMultiplyAdd(x2, Vector512.Create(A13), Vector512.Create(A11));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A9));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A7));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A5));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A3));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A1));
        var q = Vector512.FusedMultiplyAdd(x2, Vector512.Create(B6), Vector512.Create(B4));
        q = Vector512.FusedMultiplyAdd(x2, q, Vector512.Create(B2));
        q = Vector512.FusedMultiplyAdd(x2, q, Vector512.Create(B0));
        return x * p / q;
    }

    // σ(x) = (1 + tanh(x/2)) / 2: exact identity, so the absolute error is half of tanh's (≤ 2.5e-7 with
    // rounding). The relative error is poor where σ < 1e-7 (x < −16), where σ rounds to 0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x) => MathF.FusedMultiplyAdd(0.5f, Tanh(0.5f * x), 0.5f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x) =>
        Vector256.FusedMultiplyAdd(Vector256.Create(0.5f), Tanh(Vector256.Create(0.5f) * x), Vector256.Create(0.5f));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x) =>
        Vector512.FusedMultiplyAdd(Vector512.Create(0.5f), Tanh(Vector512.Create(0.5f) * x), Vector512.Create(0.5f));

    // Φ(x) = 1 − ½·erfc(x/√2) for x ≥ 0 and ½·erfc(|x|/√2) for x < 0, from the A&S 7.1.26 erfc, so that the
    // left tail is computed directly rather than as 1 + erf (which would cancel). Measured max |error| 2.1e-7
    // over [−12, 12] in float (FastMathTests).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float NormalCdf(float x)
    {
        float a = MathF.Abs(x) * InvSqrt2;
        float t = 1f / MathF.FusedMultiplyAdd(ErfP, a, 1f);
        float poly = MathF.FusedMultiplyAdd(t, E5, E4);
        poly = MathF.FusedMultiplyAdd(t, poly, E3);
        poly = MathF.FusedMultiplyAdd(t, poly, E2);
        poly = MathF.FusedMultiplyAdd(t, poly, E1);
        float halfErfc = 0.5f * poly * t * MathF.Exp(-a * a);
        return x < 0 ? halfErfc : 1f - halfErfc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> NormalCdf(Vector256<float> x)
    {
        var a = Vector256.Abs(x) * Vector256.Create(InvSqrt2);
        var t = Vector256<float>.One / Vector256.FusedMultiplyAdd(Vector256.Create(ErfP), a, Vector256<float>.One);
        var poly = Vector256.FusedMultiplyAdd(t, Vector256.Create(E5), Vector256.Create(E4));
        poly = Vector256.FusedMultiplyAdd(t, poly, Vector256.Create(E3));
        poly = Vector256.FusedMultiplyAdd(t, poly, Vector256.Create(E2));
        poly = Vector256.FusedMultiplyAdd(t, poly, Vector256.Create(E1));
        var halfErfc = Vector256.Create(0.5f) * poly * t * Vector256.Exp(-(a * a));
        return Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), halfErfc,
            Vector256<float>.One - halfErfc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> NormalCdf(Vector512<float> x)
    {
        var a = Vector512.Abs(x) * Vector512.Create(InvSqrt2);
        var t = Vector512<float>.One / Vector512.FusedMultiplyAdd(Vector512.Create(ErfP), a, Vector512<float>.One);
        var poly = Vector512.FusedMultiplyAdd(t, Vector512.Create(E5), Vector512.Create(E4));
        poly = Vector512.FusedMultiplyAdd(t, poly, Vector512.Create(E3));
        poly = Vector512.FusedMultiplyAdd(t, poly, Vector512.Create(E2));
        poly = Vector512.FusedMultiplyAdd(t, poly, Vector512.Create(E1));
        var halfErfc = Vector512.Create(0.5f) * poly * t * Vector512.Exp(-(a * a));
        return Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), halfErfc,
            Vector512<float>.One - halfErfc);
    }

    // φ(x) = e^(−x²/2)/√(2π).
    private const float InvSqrt2Pi = 0.39894228040143268f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float NormalPdf(float x) => InvSqrt2Pi * MathF.Exp(-0.5f * x * x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> NormalPdf(Vector256<float> x) =>
        Vector256.Create(InvSqrt2Pi) * Vector256.Exp(Vector256.Create(-0.5f) * x * x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> NormalPdf(Vector512<float> x) =>
        Vector512.Create(InvSqrt2Pi) * Vector512.Exp(Vector512.Create(-0.5f) * x * x);

    // ln(1 + u) for u ≥ 0 with Goldberg's correction: v = 1 + u rounds, and ln(v)·u/(v − 1) cancels that
    // rounding, so tiny u keep full relative accuracy (ln(1 + u) ≈ u when v rounds to 1).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Log1P(float u)
    {
        float v = 1f + u;
        return v == 1f ? u : MathF.Log(v) * u / (v - 1f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log1P(Vector256<float> u)
    {
        var v = Vector256<float>.One + u;
        var vm1 = v - Vector256<float>.One;
        var isOne = Vector256.Equals(vm1, Vector256<float>.Zero);
        var corrected = Vector256.Log(v) * u / Vector256.ConditionalSelect(isOne, Vector256<float>.One, vm1);
        return Vector256.ConditionalSelect(isOne, u, corrected);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log1P(Vector512<float> u)
    {
        var v = Vector512<float>.One + u;
        var vm1 = v - Vector512<float>.One;
        var isOne = Vector512.Equals(vm1, Vector512<float>.Zero);
        var corrected = Vector512.Log(v) * u / Vector512.ConditionalSelect(isOne, Vector512<float>.One, vm1);
        return Vector512.ConditionalSelect(isOne, u, corrected);
    }
}
