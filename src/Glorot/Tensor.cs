using System.Numerics.Tensors;
using Glorot.Numerics;

namespace Glorot;

/// <summary>A dense float32 tensor in C (row-major) order: a shape and the values behind it.</summary>
public sealed class Tensor
{
    /// <summary>A zero tensor of the given shape.</summary>
    public Tensor(params int[] shape)
    {
        Shape = (int[])shape.Clone();
        Data = new float[Shapes.ElementCount(shape)];
    }

    /// <summary>Wraps existing values; their count must match the shape.</summary>
    public Tensor(int[] shape, float[] data)
    {
        if (data.Length != Shapes.ElementCount(shape))
            throw new ArgumentException($"Shape {Shapes.Format(shape)} holds {Shapes.ElementCount(shape)} values; got {data.Length}.");
        Shape = (int[])shape.Clone();
        Data = data;
    }

    /// <summary>The dimensions, outermost first.</summary>
    public int[] Shape { get; }

    /// <summary>The values in C order.</summary>
    public float[] Data { get; }

    /// <summary>Number of values.</summary>
    public int Length => Data.Length;

    /// <summary>The values as a span.</summary>
    public Span<float> Span => Data;

    /// <summary>The mean of the values, in double precision; NaN when any value is NaN or ±∞.</summary>
    public double Mean() => FiniteMoments() is { } m ? m.Mean : double.NaN;

    /// <summary>
    /// The standard deviation √(Σ(x − x̄)²/n) of the values (divisor n, as numpy's std; torch.std divides by n − 1),
    /// by the corrected two-pass sum in double precision; NaN when any value is NaN or ±∞.
    /// </summary>
    public double Std() => FiniteMoments() is { } m ? m.Std : double.NaN;

    /// <summary>The smallest value (NaN when any value is NaN).</summary>
    public float Min() => TensorPrimitives.Min<float>(Data);

    /// <summary>The largest value (NaN when any value is NaN).</summary>
    public float Max() => TensorPrimitives.Max<float>(Data);

    private StreamingMoments? FiniteMoments()
    {
        var moments = StreamingMoments.Of(Data);
        return moments.NonFinite == 0 ? moments : null;
    }

    /// <summary>How the values began (set by <see cref="Glorot.Init.Initializer.Create"/>), or null when unknown.</summary>
    public Provenance? Provenance { get; set; }
}
