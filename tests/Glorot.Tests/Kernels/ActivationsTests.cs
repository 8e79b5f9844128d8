using Glorot.Kernels;
using Glorot.Random;

namespace Glorot.Tests.Kernels;

/// <summary>
/// Every fast activation kernel against the double-precision reference, for every length 0..100 (to exercise the
/// Vector512, Vector256 and scalar remainders) and every ISA path the machine has.
/// </summary>
public class ActivationsTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in new[] { "identity", "sigmoid", "tanh", "softsign", "relu", "leaky-relu:0.1", "elu:0.7", "selu", "gelu", "softplus" })
            foreach (string path in new[] { "Scalar", "Vector256", "Vector512" })
                data.Add(name, path);
        return data;
    }

    // Absolute tolerance scaled by max(1, |reference|): the documented error of each approximation (tanh 3.9e-7,
    // sigmoid 2.5e-7, Φ 1.5e-7 times |x| ≤ 8 for GELU) plus float rounding of the result (6e-8 relative).
    private static double Tolerance(Activation f) => f.Kind switch
    {
        ActivationKind.Gelu => 1.5e-6,
        _ => 6e-7,
    };

    private static float[] Inputs(int n, ulong stream)
    {
        var random = new RandomStream(2010, stream);
        var x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float)random.NextDouble(-8, 8);
        if (n > 3) { x[0] = 0f; x[1] = -1e-9f; x[2] = 7.95f; x[3] = -20f; }
        return x;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Forward_matches_reference_for_every_length(string name, string pathName)
    {
        var path = Enum.Parse<SimdPath>(pathName);
        Skip.If(path > ActivationDriver.HardwarePath, $"{path} is not accelerated on this machine.");
        var f = Activation.Parse(name);
        using var _ = new ActivationPathScope(path);
        for (int n = 0; n <= 100; n++)
        {
            var x = Inputs(n, (ulong)n);
            var fast = new float[n];
            var reference = new float[n];
            Activations.Forward(f, x, fast);
            ActivationReference.Forward(f, x, reference);
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(fast[i] - reference[i]) <= Tolerance(f) * Math.Max(1, Math.Abs(reference[i])),
                    $"{name} {path} n={n} i={i}: f({x[i]}) = {fast[i]}, reference {reference[i]}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Backward_matches_reference_derivative_for_every_length(string name, string pathName)
    {
        var path = Enum.Parse<SimdPath>(pathName);
        Skip.If(path > ActivationDriver.HardwarePath, $"{path} is not accelerated on this machine.");
        var f = Activation.Parse(name);
        using var _ = new ActivationPathScope(path);
        for (int n = 0; n <= 100; n++)
        {
            var s = Inputs(n, 1000 + (ulong)n);
            var z = new float[n];
            var dz = Inputs(n, 2000 + (ulong)n);
            var fast = new float[n];
            var reference = new float[n];
            Activations.Forward(f, s, z);
            Activations.Backward(f, s, z, dz, fast);
            ActivationReference.Backward(f, s, dz, reference);
            // The derivative inherits the forward error through z (tanh′ = 1 − z² moves by 2|z|·δz), times |dz| ≤ 8.
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(fast[i] - reference[i]) <= 8 * 2 * Tolerance(f) * Math.Max(1, Math.Abs(reference[i])),
                    $"{name} {path} n={n} i={i}: f'({s[i]})·{dz[i]} = {fast[i]}, reference {reference[i]}");
        }
    }

    [Fact]
    public void Forward_in_place_equals_out_of_place()
    {
        var x = Inputs(77, 5);
        var y = new float[77];
        Activations.Forward(Activation.Tanh, x, y);
        Activations.Forward(Activation.Tanh, x, x);
        Assert.Equal(y, x);
    }

    [Fact]
    public void NaN_propagates_through_every_activation()
    {
        foreach (string name in new[] { "sigmoid", "tanh", "softsign", "relu", "leaky-relu", "elu", "selu", "gelu", "softplus" })
        {
            var x = Enumerable.Repeat(float.NaN, 37).ToArray();
            var y = new float[37];
            Activations.Forward(Activation.Parse(name), x, y);
            Assert.All(y, v => Assert.True(float.IsNaN(v), $"{name} hides NaN"));
        }
    }
}
