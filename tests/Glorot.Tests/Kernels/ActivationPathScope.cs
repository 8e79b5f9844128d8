using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

/// <summary>Runs the activation kernels on at most <see cref="SimdPath"/> <c>path</c> until disposed (then restores the previous limit).</summary>
internal sealed class ActivationPathScope : IDisposable
{
    private readonly SimdPath _saved = ActivationDriver.MaxPath;

    public ActivationPathScope(SimdPath path) => ActivationDriver.MaxPath = path;

    public void Dispose() => ActivationDriver.MaxPath = _saved;
}
