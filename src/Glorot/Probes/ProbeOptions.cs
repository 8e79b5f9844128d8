namespace Glorot.Probes;

/// <summary>What a <see cref="NetworkProbe"/> measures, and how much it may spend doing so.</summary>
public sealed record ProbeOptions
{
    /// <summary>Histogram bins per quantity and layer (default 100).</summary>
    public int Bins { get; init; } = 100;

    /// <summary>
    /// Examples per forward/backward chunk (default 100): memory of the probe's own trainer is
    /// 3·chunk·Σwidths floats. Results do not depend on it.
    /// </summary>
    public int ChunkSize { get; init; } = 100;

    /// <summary>
    /// Examples averaged in one weight gradient dL/dW (default 1: per-example gradients z_prev·(dL/ds)ᵀ, the
    /// quantity of Glorot &amp; Bengio 2010 eq. 7 and, as docs/PROBES.md "Figures 6–9" infers, of Fig. 8);
    /// 10 gives what one SGD minibatch of the paper sees.
    /// </summary>
    public int WeightGradientBatchSize { get; init; } = 1;

    /// <summary>
    /// How many weight gradients (batches of <see cref="WeightGradientBatchSize"/> probe examples, from the start of
    /// the probe set) are pooled per layer (default 10; 0 skips weight gradients). Cost: per-example gradients are
    /// summarized without forming them (one addition per histogram bin a row spans, NetworkProbe's remarks); batches
    /// form this many fan_in·fan_out matrices per layer and summarize each twice (range, then histogram).
    /// </summary>
    public int WeightGradientBatches { get; init; } = 10;

    /// <summary>Relative accuracy α of the sketch that gives weight-gradient percentiles (default 0.5 %).</summary>
    public double SketchAlpha { get; init; } = 0.005;

    /// <summary>
    /// Examples whose layer Jacobians J = diag(f′(s))·W get a full singular-value decomposition (default 0: off).
    /// Cost per example and hidden layer: one n×n Gram product and one symmetric eigen-decomposition in double,
    /// about a second for n = 1000.
    /// </summary>
    public int JacobianExamples { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (Bins is < 1 or > 100_000) throw new ArgumentException($"Bins is {Bins}; it must be 1 to 100000.");
        if (ChunkSize < 1) throw new ArgumentException($"ChunkSize is {ChunkSize}; it must be positive.");
        if (WeightGradientBatchSize < 1) throw new ArgumentException($"WeightGradientBatchSize is {WeightGradientBatchSize}; it must be positive.");
        if (WeightGradientBatches < 0) throw new ArgumentException($"WeightGradientBatches is {WeightGradientBatches}; it must be ≥ 0.");
        if (!(SketchAlpha > 0 && SketchAlpha < 1)) throw new ArgumentException($"SketchAlpha is {SketchAlpha}; it must lie in (0, 1).");
        if (JacobianExamples < 0) throw new ArgumentException($"JacobianExamples is {JacobianExamples}; it must be ≥ 0.");
    }
}
