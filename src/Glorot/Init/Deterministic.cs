namespace Glorot.Init;

/// <summary>Statistics over the tensor for schemes that place <c>count</c> copies of one value among zeros.</summary>
internal static class Deterministic
{
    public static InitStats Stats(string scheme, string kind, ReadOnlySpan<int> shape, double value, int count, Fans fans, string formula)
    {
        double n = Shapes.ElementCount(shape);
        double mean = value * count / n;
        double std = Math.Sqrt(Math.Max(0, value * value * count / n - mean * mean));
        return new InitStats(scheme, kind, fans, null, mean, std, Math.Min(0, value), Math.Max(0, value), formula);
    }
}
