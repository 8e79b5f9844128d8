using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary>What <c>glorot init</c> was asked for: one tensor, drawn by <see cref="Initializer"/>.</summary>
internal sealed record InitRequest(string Label, Initializer Initializer, int[] Shape, ulong Seed, ulong Stream,
    bool Verify = false, LayerSpec? Layer = null);

/// <summary>What was drawn: the scheme's description, the sample's own statistics, and the self-test's verdict.</summary>
internal sealed record InitResult(InitRequest Request, InitStats Stats, Tensor Tensor, SampleStats Sample,
    SelfTestReport? Verification, Provenance Provenance);

/// <summary>Mean, std, min and max of the drawn values (double accumulation).</summary>
internal sealed record SampleStats(double Mean, double Std, double Min, double Max)
{
    public static SampleStats Of(ReadOnlySpan<float> values)
    {
        double sum = 0, sumSq = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            sum += v; sumSq += (double)v * v;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        double n = values.Length, mean = sum / n;
        return new SampleStats(mean, Math.Sqrt(Math.Max(0, sumSq / n - mean * mean)), min, max);
    }
}

/// <summary>Draws the tensor, measures it, and (on request) runs the self-test on it.</summary>
internal static class InitRunner
{
    public static InitResult Run(InitRequest request)
    {
        var tensor = new Tensor(request.Shape);
        var stats = request.Initializer.Fill(tensor.Span, request.Shape, request.Seed, request.Stream);
        var provenance = Provenance.Of(request.Initializer, request.Shape, request.Seed, request.Stream, request.Label);
        tensor.Provenance = provenance;
        var verification = request.Verify ? SelfTest.Check(request.Initializer, request.Shape, tensor.Span) : null;
        return new InitResult(request, stats, tensor, SampleStats.Of(tensor.Span), verification, provenance);
    }
}
