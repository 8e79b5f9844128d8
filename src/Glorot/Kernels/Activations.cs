namespace Glorot.Kernels;

/// <summary>
/// The element-wise activation kernels for any <see cref="Activation"/>: one switch from the public type to its
/// operator struct, then the generic <see cref="ActivationDriver"/>. The rest of the code calls these and never
/// sees an intrinsic.
/// </summary>
internal static class Activations
{
    /// <summary>y = f(x). x, y: (n); y may be x.</summary>
    public static void Forward(Activation f, ReadOnlySpan<float> x, Span<float> y)
    {
        switch (f.Kind)
        {
            case ActivationKind.Identity: ActivationDriver.Forward(new IdentityOperator(), x, y); break;
            case ActivationKind.Sigmoid: ActivationDriver.Forward(new SigmoidOperator(), x, y); break;
            case ActivationKind.Tanh: ActivationDriver.Forward(new TanhOperator(), x, y); break;
            case ActivationKind.Softsign: ActivationDriver.Forward(new SoftsignOperator(), x, y); break;
            case ActivationKind.Relu: ActivationDriver.Forward(new ReluOperator(), x, y); break;
            case ActivationKind.LeakyRelu: ActivationDriver.Forward(new LeakyReluOperator((float)f.Parameter), x, y); break;
            case ActivationKind.Elu: ActivationDriver.Forward(Elu(f), x, y); break;
            case ActivationKind.Selu: ActivationDriver.Forward(Selu, x, y); break;
            case ActivationKind.Gelu: ActivationDriver.Forward(new GeluOperator(), x, y); break;
            case ActivationKind.Softplus: ActivationDriver.Forward(new SoftplusOperator(), x, y); break;
            default: throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "Unknown activation.");
        }
    }

    /// <summary>ds = dz ⊙ f′(s), z = f(s). All (n); ds may be dz.</summary>
    public static void Backward(Activation f, ReadOnlySpan<float> s, ReadOnlySpan<float> z, ReadOnlySpan<float> dz, Span<float> ds)
    {
        switch (f.Kind)
        {
            case ActivationKind.Identity: ActivationDriver.Backward(new IdentityOperator(), s, z, dz, ds); break;
            case ActivationKind.Sigmoid: ActivationDriver.Backward(new SigmoidOperator(), s, z, dz, ds); break;
            case ActivationKind.Tanh: ActivationDriver.Backward(new TanhOperator(), s, z, dz, ds); break;
            case ActivationKind.Softsign: ActivationDriver.Backward(new SoftsignOperator(), s, z, dz, ds); break;
            case ActivationKind.Relu: ActivationDriver.Backward(new ReluOperator(), s, z, dz, ds); break;
            case ActivationKind.LeakyRelu: ActivationDriver.Backward(new LeakyReluOperator((float)f.Parameter), s, z, dz, ds); break;
            case ActivationKind.Elu: ActivationDriver.Backward(Elu(f), s, z, dz, ds); break;
            case ActivationKind.Selu: ActivationDriver.Backward(Selu, s, z, dz, ds); break;
            case ActivationKind.Gelu: ActivationDriver.Backward(new GeluOperator(), s, z, dz, ds); break;
            case ActivationKind.Softplus: ActivationDriver.Backward(new SoftplusOperator(), s, z, dz, ds); break;
            default: throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "Unknown activation.");
        }
    }

    private static EluOperator Elu(Activation f) => new((float)f.Parameter, 1f);

    private static EluOperator Selu => new((float)Activation.SeluAlpha, (float)Activation.SeluLambda);
}
