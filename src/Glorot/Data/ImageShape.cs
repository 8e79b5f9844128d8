namespace Glorot.Data;

/// <summary>The layout of one example: <paramref name="Channels"/> planes of <paramref name="Height"/> rows of
/// <paramref name="Width"/> pixels, channel-major (CHW), as CIFAR-10's binary files store them.</summary>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Channels·Height·Width, the length of an input vector.</summary>
    public int Size => Channels * Height * Width;

    /// <inheritdoc/>
    public override string ToString() => Channels == 1 ? $"{Height}×{Width}" : $"{Channels}×{Height}×{Width}";
}
