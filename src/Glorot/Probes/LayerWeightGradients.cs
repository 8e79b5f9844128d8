using Glorot.Kernels;
using Glorot.Numerics;

namespace Glorot.Probes;

/// <summary>
/// The summary of one layer's weight gradients in a probe, dL/dW of batches of B consecutive probe examples,
/// (1/B)·dSᵀ·z_prev (out × in), pooled over the batches — cut into stages whose pieces <see cref="ProbePieces"/> can
/// run on several threads: <see cref="Prepare"/> (alone), then the pieces of <see cref="Counting"/>, then those of
/// <see cref="Quantiles"/>, then <see cref="Result"/>. Per-example gradients (B = 1) with finite values are summarized
/// without forming them (<see cref="OuterProductSummary"/>); their histogram rows, the bulk of a probe's time
/// (docs/BENCHMARKS.md "Where a reproduction's time goes"), are counted in ranges of examples into separate integer
/// counts that are then added, and the two sketch percentiles are found apart, so the result is the same bits as one
/// thread counting every row in order.
/// </summary>
internal sealed class LayerWeightGradients(ProbeOptions options, float[] ds, float[] layerInput, int fanIn, int fanOut, int n)
{
    private OuterProductSummary? _outer;
    private double _p1, _p99;
    private Summary? _result;

    /// <summary>
    /// Decides how the gradients are summarized and, for finite per-example gradients, sorts each example's inputs
    /// and merges the moments (in example order: the merge's rounding depends on it).
    /// </summary>
    public void Prepare()
    {
        int rows = Math.Min(options.WeightGradientBatchSize, n);
        if (rows != 1) return;
        int batches = Batches();
        // A per-example gradient is the outer product δ·zᵀ, so max|dW| = max|δ|·max|z| is known before any product
        // is formed: one pass (the 1e-6 margin covers the float rounding of each product).
        double bound = 0;
        for (int k = 0; k < batches; k++)
            bound = Math.Max(bound, MaxAbs(Deltas(k)) * MaxAbs(Inputs(k)));
        var layout = bound > 0 ? new Histogram(-bound * (1 + 1e-6), bound * (1 + 1e-6), options.Bins) : new Histogram(-1, 1, options.Bins);
        // Finite inputs: the same statistics without forming the matrices (docs/BENCHMARKS.md "Probes": ≈ 10× cheaper).
        var outer = new OuterProductSummary(layout);
        for (int k = 0; k < batches; k++)
            if (!outer.Accepts(Deltas(k), Inputs(k))) return;
        for (int k = 0; k < batches; k++) outer.AddUncounted(Deltas(k), Inputs(k)); // each accepted above
        _outer = outer;
    }

    /// <summary>
    /// After <see cref="Prepare"/>: pieces that may run at once. Factored gradients give one piece per range of at
    /// most <paramref name="examplesPerPiece"/> examples, then one that adds their counts; any other summary is one
    /// piece that does everything.
    /// </summary>
    public IReadOnlyList<Action> Counting(int examplesPerPiece)
    {
        if (_outer is not { } outer) return [() => _result = Formed()];
        int examples = outer.ExampleCount, pieces = (examples + examplesPerPiece - 1) / examplesPerPiece;
        _countsByPiece = new long[pieces][];
        var work = new List<Action>(pieces);
        for (int p = 0; p < pieces; p++)
        {
            int first = p * examplesPerPiece;
            var counts = _countsByPiece[p] = new long[outer.Histogram.BinCount];
            work.Add(() => outer.CountRows(first, Math.Min(examplesPerPiece, examples - first), counts));
        }
        return work;
    }

    private long[][] _countsByPiece = [];

    /// <summary>
    /// After every counting piece has run: adds their counts to the histogram, and returns the two sketch percentiles
    /// (which need the whole histogram) as two pieces; none for formed gradients.
    /// </summary>
    public IReadOnlyList<Action> Quantiles()
    {
        if (_outer is not { } outer) return [];
        foreach (var counts in _countsByPiece) outer.AddCounts(counts);
        _countsByPiece = [];
        return [() => _p1 = outer.SketchQuantile(0.01, options.SketchAlpha), () => _p99 = outer.SketchQuantile(0.99, options.SketchAlpha)];
    }

    /// <summary>After every piece has run: the layer's weight-gradient summary.</summary>
    public Summary Result() => _result
        ?? Summary.From(_outer!.Moments, _p1, _p99, options.SketchAlpha, _outer.Histogram);

    private int Batches()
    {
        int batches = Math.Min(options.WeightGradientBatches, n / options.WeightGradientBatchSize);
        return batches == 0 ? 1 : batches;
    }

    private ReadOnlySpan<float> Deltas(int k) => ds.AsSpan(k * fanOut, fanOut);

    private ReadOnlySpan<float> Inputs(int k) => layerInput.AsSpan(k * fanIn, fanIn);

    // The gradients formed: batches of more than one example, or per-example ones with a value that is not finite
    // (so that NaN and ±∞ entries are counted as always).
    private Summary Formed()
    {
        int rows = Math.Min(options.WeightGradientBatchSize, n), batches = Batches();
        float[]? gradient = null; // 4 MB per 1000² layer
        var moments = new StreamingMoments();
        var sketch = new LogHistogram(options.SketchAlpha);
        if (rows == 1)
        {
            double bound = 0;
            for (int k = 0; k < batches; k++)
                bound = Math.Max(bound, MaxAbs(Deltas(k)) * MaxAbs(Inputs(k)));
            var single = bound > 0 ? new Histogram(-bound * (1 + 1e-6), bound * (1 + 1e-6), options.Bins) : new Histogram(-1, 1, options.Bins);
            for (int k = 0; k < batches; k++)
            {
                var g = Compute(k);
                moments.Add(g);
                sketch.Add(g);
                single.Add(g);
            }
            return Summary.From(moments, sketch.Quantile(0.01), sketch.Quantile(0.99), options.SketchAlpha, single);
        }
        for (int k = 0; k < batches; k++)
        {
            var g = Compute(k);
            moments.Add(g);
            sketch.Add(g);
        }
        var (low, high) = Summary.SymmetricRange(moments);
        var histogram = new Histogram(low, high, options.Bins);
        // Second pass for the histogram, whose range (±max|dW|) is only known after the first.
        for (int k = 0; k < batches; k++) histogram.Add(Compute(k));
        return Summary.From(moments, sketch.Quantile(0.01), sketch.Quantile(0.99), options.SketchAlpha, histogram);

        float[] Compute(int k)
        {
            gradient ??= new float[fanOut * fanIn];
            Gemm.Multiply(true, false, fanOut, fanIn, rows, 1f / rows, ds.AsSpan(k * rows * fanOut, rows * fanOut), fanOut,
                layerInput.AsSpan(k * rows * fanIn, rows * fanIn), fanIn, 0f, gradient, fanIn);
            return gradient;
        }
    }

    private static double MaxAbs(ReadOnlySpan<float> values) =>
        values.IsEmpty ? 0 : System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(values) is var m && float.IsFinite(m) ? Math.Abs(m) : 0;
}
