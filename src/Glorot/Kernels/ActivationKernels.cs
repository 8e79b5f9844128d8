namespace Glorot.Kernels;

/// <summary>
/// Which operator struct runs each <see cref="ActivationKind"/>: the kernels' half of the activation table. The
/// vocabulary's <see cref="ActivationRegistry"/> says what an activation is (names, range, gains, formula) and names
/// no kernel, so the vocabulary never reaches up into Kernels; the kernels look their operator up here by the
/// activation's kind, once per call (an array index), as they did through the registry.
/// </summary>
internal static class ActivationKernels
{
    private static readonly ActivationKernel[] ByKind = Ordered(
    [
        (ActivationKind.Identity, ActivationKernel.Of(_ => new IdentityOperator())),
        (ActivationKind.Sigmoid, ActivationKernel.Of(_ => new SigmoidOperator())),
        (ActivationKind.Tanh, ActivationKernel.Of(_ => new TanhOperator())),
        (ActivationKind.Softsign, ActivationKernel.Of(_ => new SoftsignOperator())),
        (ActivationKind.Relu, ActivationKernel.Of(_ => new ReluOperator())),
        (ActivationKind.LeakyRelu, ActivationKernel.Of(f => new LeakyReluOperator((float)f.Parameter))),
        (ActivationKind.Elu, ActivationKernel.Of(f => new EluOperator((float)f.Parameter, 1f))),
        (ActivationKind.Selu, ActivationKernel.Of(_ => new EluOperator((float)Activation.SeluAlpha, (float)Activation.SeluLambda))),
        (ActivationKind.Gelu, ActivationKernel.Of(_ => new GeluOperator())),
        (ActivationKind.Softplus, ActivationKernel.Of(_ => new SoftplusOperator())),
    ]);

    /// <summary>The kernels of <paramref name="kind"/>.</summary>
    public static ActivationKernel Of(ActivationKind kind) =>
        (uint)kind < (uint)ByKind.Length ? ByKind[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activation kind.");

    // Listed in enum order so that Of is an index; a reordered or missing kind is caught at start-up, not by a wrong result.
    private static ActivationKernel[] Ordered((ActivationKind Kind, ActivationKernel Kernel)[] entries)
    {
        var kinds = Enum.GetValues<ActivationKind>();
        if (entries.Length != kinds.Length || kinds.Where((kind, i) => entries[i].Kind != kind || (int)kind != i).Any())
            throw new InvalidOperationException("ActivationKernels must list every ActivationKind once, in declaration order.");
        return [.. entries.Select(e => e.Kernel)];
    }
}
