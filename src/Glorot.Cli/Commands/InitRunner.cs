using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary>What <c>glorot init</c> was asked for.</summary>
internal sealed record InitRequest(string Scheme, int[] Shape, InitOptions Options, ulong Seed, ulong Stream);

/// <summary>What was drawn: the scheme's description and the sample's own statistics.</summary>
internal sealed record InitResult(InitRequest Request, InitStats Stats, Tensor Tensor, SampleStats Sample);

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

/// <summary>Builds the scheme, draws the tensor and measures it.</summary>
internal static class InitRunner
{
    public static InitResult Run(InitRequest request)
    {
        var initializer = Schemes.Create(request.Scheme, request.Options);
        var tensor = new Tensor(request.Shape);
        var stats = initializer.Fill(tensor.Span, request.Shape, request.Seed, request.Stream);
        return new InitResult(request, stats, tensor, SampleStats.Of(tensor.Span));
    }
}
