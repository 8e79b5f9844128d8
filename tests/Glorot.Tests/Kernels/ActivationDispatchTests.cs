using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

/// <summary>
/// Each registry entry's kernel computes that entry's function: forward and derivative of every
/// <see cref="ActivationRegistry"/> entry, through <see cref="Activations"/> (which dispatches on the entry), against
/// the double-precision definitions at chosen points — the kink at 0 and its neighbours, the saturation and clamp
/// points, extreme inputs — on every instruction-set path the machine has. A kernel wired to the wrong entry, or a
/// kink whose kernel takes the other one-sided derivative, fails here.
/// </summary>
public class ActivationDispatchTests
{
    // 0 and ±the smallest normal and subnormal floats (the kink), ±1e-9 (below float's resolution of 1), the tanh
    // clamp at ±7.905, ±20 (saturated), and ordinary points; 37 values, so each path also ends in a scalar remainder.
    private static readonly float[] Points =
    [
        0f, -0f, float.Epsilon, -float.Epsilon, 1.17549435e-38f, -1.17549435e-38f, 1e-9f, -1e-9f, 1e-4f, -1e-4f,
        0.5f, -0.5f, 1f, -1f, 1.5f, -1.5f, 2f, -2f, 3f, -3f, 4.25f, -4.25f, 6f, -6f, 7.9f, -7.9f, 7.95f, -7.95f,
        10f, -10f, 20f, -20f, 30f, -30f, 0.125f, -0.125f, 0.0078125f,
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in ActivationRegistry.All)
        {
            // The default and one other parameter, where the function takes one.
            var names = entry.Parameter is null ? [entry.Name] : new[] { entry.Name, $"{entry.Name}:0.3" };
            foreach (var name in names)
                foreach (var path in new[] { "Scalar", "Vector256", "Vector512" })
                    data.Add(name, path);
        }
        return data;
    }

    // The kernels' documented errors (docs/ENGINE.md, "Activations": tanh 3.9e-7, sigmoid 2.5e-7, GELU's Φ 2.1e-7,
    // so 2.1e-7·|x|), plus float rounding, relative to max(1, |reference|).
    private static double Tolerance(Activation f) => f.Kind == ActivationKind.Gelu ? 5e-6 : 6e-7;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Forward_of_each_entry_is_its_definition(string name, string pathName)
    {
        var path = Enum.Parse<SimdPath>(pathName);
        Skip.If(path > ActivationDriver.HardwarePath, $"{path} is not accelerated on this machine.");
        var f = Activation.Parse(name);
        using var _ = new ActivationPathScope(path);
        var fast = new float[Points.Length];
        Activations.Forward(f, Points, fast);
        for (int i = 0; i < Points.Length; i++)
        {
            double reference = f.Forward(Points[i]);
            Assert.True(Math.Abs(fast[i] - reference) <= Tolerance(f) * Math.Max(1, Math.Abs(reference)),
                $"{name} {path}: kernel f({Points[i]:R}) = {fast[i]:R}, definition {reference:R}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Derivative_of_each_entry_is_its_definition_including_the_one_sided_value_at_a_kink(string name, string pathName)
    {
        var path = Enum.Parse<SimdPath>(pathName);
        Skip.If(path > ActivationDriver.HardwarePath, $"{path} is not accelerated on this machine.");
        var f = Activation.Parse(name);
        using var _ = new ActivationPathScope(path);
        var z = new float[Points.Length];
        var ones = Enumerable.Repeat(1f, Points.Length).ToArray();
        var fast = new float[Points.Length];
        Activations.Forward(f, Points, z);
        Activations.Backward(f, Points, z, ones, fast);
        for (int i = 0; i < Points.Length; i++)
        {
            double reference = f.Derivative(Points[i]);
            // Through z the derivative inherits the forward error (tanh′ = 1 − z² moves by 2|z|·δz).
            Assert.True(Math.Abs(fast[i] - reference) <= 2 * Tolerance(f) * Math.Max(1, Math.Abs(reference)),
                $"{name} {path}: kernel f′({Points[i]:R}) = {fast[i]:R}, definition {reference:R}");
        }
        // At the kink, PyTorch's one-sided value (relu′(0) = 0, elu′(0) = α), to float rounding; the other side's
        // value (1, or λ for SELU) differs by far more.
        if (f.HasKinkAtZero)
            Assert.True(Math.Abs(fast[0] - f.Derivative(0)) <= 1e-6 * Math.Max(1, Math.Abs(f.Derivative(0))),
                $"{name} {path}: kernel f′(0) = {fast[0]:R}, one-sided definition {f.Derivative(0):R}");
    }

    [Fact]
    public void Every_entry_has_a_kernel_and_its_place_in_the_kind_order()
    {
        var kinds = Enum.GetValues<ActivationKind>();
        Assert.Equal(kinds, ActivationRegistry.All.Select(a => a.Kind));
        foreach (var kind in kinds)
        {
            Assert.Equal(kind, ActivationRegistry.Get(kind).Kind);
            Assert.NotNull(ActivationKernels.Of(kind));
        }
    }
}
