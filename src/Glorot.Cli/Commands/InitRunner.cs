using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary>What <c>glorot init</c> was asked for: one tensor, drawn by <see cref="Initializer"/>.</summary>
internal sealed record InitRequest(string Label, Initializer Initializer, int[] Shape, ulong Seed, ulong Stream,
    bool Verify = false, LayerSpec? Layer = null);

/// <summary>What was drawn: the scheme's description, the sample's own statistics, and the self-test's verdict.</summary>
internal sealed record InitResult(InitRequest Request, InitStats Stats, Tensor Tensor, SampleStats Sample,
    SelfTestReport? Verification, Provenance Provenance);

/// <summary>Mean, std, min and max of the drawn values (double accumulation, two passes).</summary>
internal sealed record SampleStats(double Mean, double Std, double Min, double Max)
{
    public static SampleStats Of(ReadOnlySpan<float> values)
    {
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            sum += v;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        double n = values.Length, mean = sum / n;
        // Σ(x − mean)², not Σx²/n − mean²: the latter cancels to nothing when the mean is large against the std
        // (a constant, or N(1000, 0.001²)).
        double squares = 0;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        return new SampleStats(mean, Math.Sqrt(squares / n), min, max);
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
