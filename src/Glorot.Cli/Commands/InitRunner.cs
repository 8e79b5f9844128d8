using Glorot.Init;
using Glorot.Numerics;
using Glorot.Probes;

namespace Glorot.Cli.Commands;

/// <summary>What <c>glorot init</c> was asked for: one tensor, drawn by <see cref="Initializer"/>.</summary>
internal sealed record InitRequest(string Label, Initializer Initializer, int[] Shape, ulong Seed, ulong Stream,
    bool Verify = false, LayerSpec? Layer = null);

/// <summary>What was drawn: the scheme's description, the sample's own statistics, and the self-test's verdict.</summary>
internal sealed record InitResult(InitRequest Request, InitStats Stats, Tensor Tensor, StreamingMoments Sample,
    SelfTestReport? Verification, Provenance Provenance);

/// <summary>Draws the tensor, measures it, and (on request) runs the self-test on it.</summary>
internal static class InitRunner
{
    public static InitResult Run(InitRequest request)
    {
        // The tensor, and with --verify the self-test's sorted copy (doubles), before anything is allocated.
        double count = Shapes.ElementCount(request.Shape);
        UserInput.Check(() => MemoryBudget.Require(count * (sizeof(float) + (request.Verify ? sizeof(double) : 0)), $"A tensor of shape {Shapes.Format(request.Shape)}"));
        // A scheme refuses a shape it cannot fill (orthogonal of one dimension, dirac of a dense layer): the user chose both.
        // The fill itself is not the user's: an exception from it is a bug.
        UserInput.Check(() => request.Initializer.Check(request.Shape));
        var tensor = new Tensor(request.Shape);
        var stats = request.Initializer.Fill(tensor.Span, request.Shape, request.Seed, request.Stream);
        var provenance = request.Initializer.ProvenanceOf(request.Shape, request.Seed, request.Stream, request.Label);
        tensor.Provenance = provenance;
        var verification = request.Verify ? SelfTest.Check(request.Initializer, request.Shape, tensor.Span) : null;
        return new InitResult(request, stats, tensor, StreamingMoments.Of(tensor.Span), verification, provenance);
    }
}
