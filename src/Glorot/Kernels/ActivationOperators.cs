using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Glorot.Kernels;

/// <summary>
/// One activation written once: its forward value and its derivative, for a scalar and for each vector width.
/// The derivative receives both the pre-activation s and the output z = f(s) and reads whichever is cheaper
/// (tanh′ = 1 − z², relu′ from s). <see cref="ActivationDriver"/> walks spans with any operator.
/// </summary>
internal interface IActivationOperator
{
    float Forward(float x);
    Vector256<float> Forward(Vector256<float> x);
    Vector512<float> Forward(Vector512<float> x);
    float Derivative(float s, float z);
    Vector256<float> Derivative(Vector256<float> s, Vector256<float> z);
    Vector512<float> Derivative(Vector512<float> s, Vector512<float> z);
}

/// <summary>f(x) = x; f′ = 1.</summary>
internal readonly struct IdentityOperator : IActivationOperator
{
    public float Forward(float x) => x;
    public Vector256<float> Forward(Vector256<float> x) => x;
    public Vector512<float> Forward(Vector512<float> x) => x;
    public float Derivative(float s, float z) => 1f;
    public Vector256<float> Derivative(Vector256<float> s, Vector256<float> z) => Vector256<float>.One;
    public Vector512<float> Derivative(Vector512<float> s, Vector512<float> z) => Vector512<float>.One;
}

/// <summary>σ(x) = 1/(1 + e^−x) through tanh; σ′ = z(1 − z).</summary>
internal readonly struct SigmoidOperator : IActivationOperator
{
    public float Forward(float x) => FastMath.Sigmoid(x);
    public Vector256<float> Forward(Vector256<float> x) => FastMath.Sigmoid(x);
    public Vector512<float> Forward(Vector512<float> x) => FastMath.Sigmoid(x);
    public float Derivative(float s, float z) => z - z * z;
    public Vector256<float> Derivative(Vector256<float> s, Vector256<float> z) => z - z * z;
    public Vector512<float> Derivative(Vector512<float> s, Vector512<float> z) => z - z * z;
}

/// <summary>tanh x (rational approximation); tanh′ = 1 − z².</summary>
internal readonly struct TanhOperator : IActivationOperator
{
    public float Forward(float x) => FastMath.Tanh(x);
    public Vector256<float> Forward(Vector256<float> x) => FastMath.Tanh(x);
    public Vector512<float> Forward(Vector512<float> x) => FastMath.Tanh(x);
    public float Derivative(float s, float z) => MathF.FusedMultiplyAdd(-z, z, 1f);
    public Vector256<float> Derivative(Vector256<float> s, Vector256<float> z) =>
        Vector256.FusedMultiplyAdd(-z, z, Vector256<float>.One);
    public Vector512<float> Derivative(Vector512<float> s, Vector512<float> z) =>
        Vector512.FusedMultiplyAdd(-z, z, Vector512<float>.One);
}

/// <summary>x/(1 + |x|); f′ = 1/(1 + |s|)² = (1 − |z|)².</summary>
internal readonly struct SoftsignOperator : IActivationOperator
{
    public float Forward(float x) => x / (1f + MathF.Abs(x));
    public Vector256<float> Forward(Vector256<float> x) => x / (Vector256<float>.One + Vector256.Abs(x));
    public Vector512<float> Forward(Vector512<float> x) => x / (Vector512<float>.One + Vector512.Abs(x));
    public float Derivative(float s, float z) { float d = 1f - MathF.Abs(z); return d * d; }
    public Vector256<float> Derivative(Vector256<float> s, Vector256<float> z)
    {
        var d = Vector256<float>.One - Vector256.Abs(z);
        return d * d;
    }
    public Vector512<float> Derivative(Vector512<float> s, Vector512<float> z)
    {
        var d = Vector512<float>.One - Vector512.Abs(z);
        return d * d;
    }
}

/// <summary>max(0, x); f′ = [s &gt; 0].</summary>
internal readonly struct ReluOperator : IActivationOperator
{
    public float Forward(float x) => MathF.Max(x, 0f); // propagates NaN, so divergence stays visible
    public Vector256<float> Forward(Vector256<float> x) => Vector256.Max(x, Vector256<float>.Zero);
    public Vector512<float> Forward(Vector512<float> x) => Vector512.Max(x, Vector512<float>.Zero);
    public float Derivative(float s, float z) => s > 0f ? 1f : 0f;
    public Vector256<float> Derivative(Vector256<float> s, Vector256<float> z) =>
        Vector256.GreaterThan(s, Vector256<float>.Zero) & Vector256<float>.One;
    public Vector512<float> Derivative(Vector512<float> s, Vector512<float> z) =>
        Vector512.GreaterThan(s, Vector512<float>.Zero) & Vector512<float>.One;
}

/// <summary>x for x &gt; 0, a·x otherwise; f′ = 1 or a.</summary>
internal readonly struct LeakyReluOperator(float slope) : IActivationOperator
{
    public float Forward(float x) => x > 0f ? x : slope * x;
    public Vector256<float> Forward(Vector256<float> x) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), x, Vector256.Create(slope) * x);
    public Vector512<float> Forward(Vector512<float> x) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), x, Vector512.Create(slope) * x);
    public float Derivative(float s, float z) => s > 0f ? 1f : slope;
    public Vector256<float> Derivative(Vector256<float> s, Vector256<float> z) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(s, Vector256<float>.Zero), Vector256<float>.One,
            Vector256.Create(slope));
    public Vector512<float> Derivative(Vector512<float> s, Vector512<float> z) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(s, Vector512<float>.Zero), Vector512<float>.One,
            Vector512.Create(slope));
}

/// <summary>
/// scale·x for x &gt; 0, scale·α(e^x − 1) otherwise: ELU (scale 1) and SELU (λ, α fixed); f′ = scale or
/// z + scale·α. e^x − 1 is computed directly (absolute error ≈ 1e-7 near 0, where it cancels).
/// </summary>
internal readonly struct EluOperator(float alpha, float scale) : IActivationOperator
{
    public float Forward(float x) => x > 0f ? scale * x : scale * alpha * (MathF.Exp(x) - 1f);
    public Vector256<float> Forward(Vector256<float> x)
    {
        var negative = Vector256.Create(scale * alpha) * (Vector256.Exp(Vector256.Min(x, Vector256<float>.Zero)) - Vector256<float>.One);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), Vector256.Create(scale) * x, negative);
    }
    public Vector512<float> Forward(Vector512<float> x)
    {
        var negative = Vector512.Create(scale * alpha) * (Vector512.Exp(Vector512.Min(x, Vector512<float>.Zero)) - Vector512<float>.One);
        return Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), Vector512.Create(scale) * x, negative);
    }
    public float Derivative(float s, float z) => s > 0f ? scale : z + scale * alpha;
    public Vector256<float> Derivative(Vector256<float> s, Vector256<float> z) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(s, Vector256<float>.Zero), Vector256.Create(scale),
            z + Vector256.Create(scale * alpha));
    public Vector512<float> Derivative(Vector512<float> s, Vector512<float> z) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(s, Vector512<float>.Zero), Vector512.Create(scale),
            z + Vector512.Create(scale * alpha));
}

/// <summary>x·Φ(x) (exact erf form, Φ from A&amp;S 7.1.26); f′ = Φ(s) + s·φ(s).</summary>
internal readonly struct GeluOperator : IActivationOperator
{
    public float Forward(float x) => x * FastMath.NormalCdf(x);
    public Vector256<float> Forward(Vector256<float> x) => x * FastMath.NormalCdf(x);
    public Vector512<float> Forward(Vector512<float> x) => x * FastMath.NormalCdf(x);
    public float Derivative(float s, float z) => MathF.FusedMultiplyAdd(s, FastMath.NormalPdf(s), FastMath.NormalCdf(s));
    public Vector256<float> Derivative(Vector256<float> s, Vector256<float> z) =>
        Vector256.FusedMultiplyAdd(s, FastMath.NormalPdf(s), FastMath.NormalCdf(s));
    public Vector512<float> Derivative(Vector512<float> s, Vector512<float> z) =>
        Vector512.FusedMultiplyAdd(s, FastMath.NormalPdf(s), FastMath.NormalCdf(s));
}

/// <summary>ln(1 + e^x) = max(x, 0) + ln(1 + e^−|x|); f′ = σ(s).</summary>
internal readonly struct SoftplusOperator : IActivationOperator
{
    public float Forward(float x) => MathF.Max(x, 0f) + FastMath.Log1P(MathF.Exp(-MathF.Abs(x)));
    public Vector256<float> Forward(Vector256<float> x) =>
        Vector256.Max(x, Vector256<float>.Zero) + FastMath.Log1P(Vector256.Exp(-Vector256.Abs(x)));
    public Vector512<float> Forward(Vector512<float> x) =>
        Vector512.Max(x, Vector512<float>.Zero) + FastMath.Log1P(Vector512.Exp(-Vector512.Abs(x)));
    public float Derivative(float s, float z) => FastMath.Sigmoid(s);
    public Vector256<float> Derivative(Vector256<float> s, Vector256<float> z) => FastMath.Sigmoid(s);
    public Vector512<float> Derivative(Vector512<float> s, Vector512<float> z) => FastMath.Sigmoid(s);
}
