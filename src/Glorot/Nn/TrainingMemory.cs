namespace Glorot.Nn;

/// <summary>
/// What training an <see cref="Mlp"/> allocates, counted from its widths before anything is allocated (in double
/// arithmetic, so that no size overflows): the parameters counted twice (the network keeps one packed copy; the second
/// is headroom for the copies out that checkpoints and probes make),
/// the trainer's per-batch buffers (the input, then s, z and dL/ds of every layer: <see cref="SgdTrainer"/>), and
/// separate gradients and velocities when the update is not fused.
/// </summary>
internal static class TrainingMemory
{
    /// <summary>Parameters Σ (n_in·n_out + n_out) of a network with widths [inputs, hidden…, outputs].</summary>
    public static double Parameters(IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        double total = 0;
        for (int l = 0; l + 1 < widths.Count; l++) total += (double)widths[l] * widths[l + 1] + widths[l + 1];
        return total;
    }

    /// <summary>Bytes of the network and of one trainer for batches of <paramref name="batch"/>.</summary>
    public static double Bytes(IReadOnlyList<int> widths, int batch, SgdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(widths);
        double parameters = Parameters(widths);
        double copies = 2 + (options is { CanFuseUpdate: false } ? 1 : 0) + (options is { Momentum: > 0 } ? 1 : 0);
        return sizeof(float) * (copies * parameters + BatchFloats(widths, batch));
    }

    /// <summary>Floats of a trainer's per-batch buffers: batch × (inputs + 3 Σ layer outputs).</summary>
    public static double BatchFloats(IReadOnlyList<int> widths, int batch)
    {
        ArgumentNullException.ThrowIfNull(widths);
        double outputs = 0;
        for (int l = 1; l < widths.Count; l++) outputs += widths[l];
        return (double)batch * (widths[0] + 3 * outputs);
    }

    /// <summary>Checks that training fits: every buffer within an array's limit and the total within <see cref="MemoryBudget.Available"/>.</summary>
    /// <exception cref="ArgumentException">A buffer or the total is too large; the message gives the figures.</exception>
    public static void Require(IReadOnlyList<int> widths, int batch, SgdOptions? options = null, double extraBytes = 0)
    {
        ArgumentNullException.ThrowIfNull(widths);
        string network = string.Join("-", widths);
        double parameters = Parameters(widths);
        if (parameters > Array.MaxLength)
            throw new ArgumentException($"The network {network} has {parameters:G4} parameters; one array holds at most {Array.MaxLength:N0}. Use narrower layers.");
        double buffers = BatchFloats(widths, batch);
        if (buffers > Array.MaxLength)
            throw new ArgumentException($"A batch of {batch} through {network} needs {buffers:G4} floats of buffers; one array holds at most {Array.MaxLength:N0}. Use a smaller batch.");
        MemoryBudget.Require(Bytes(widths, batch, options) + extraBytes, $"Training {network} with batches of {batch}");
    }
}
