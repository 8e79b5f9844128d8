using System.Globalization;
using Glorot.Kernels;

namespace Glorot.Nn;

/// <summary>
/// A fully connected network (multi-layer perceptron) x → dense → f → … → dense → logits, as in Glorot &amp;
/// Bengio (2010) §2.3: layer l computes s = z·Wᵀ + b, z′ = f(s), with f the hidden activation for every layer but
/// the last, whose output is the logits (identity) fed to softmax + negative log-likelihood.
/// </summary>
/// <remarks>
/// All parameters live in one contiguous array (<see cref="Parameters"/>) in the order W₀, b₀, W₁, b₁, …
/// Layer l's weight W_l is (out × in) row-major, PyTorch's nn.Linear convention, so a checkpoint maps onto
/// <c>nn.Sequential(Linear, Act, Linear, Act, …, Linear)</c>. Training lives in <see cref="SgdTrainer"/>.
/// <para>While training, the GEMM works on a packed copy of each Wᵀ (32-column panels, so no product ever
/// repacks the weights; docs/BENCHMARKS.md "Design measurements").
/// That copy is a cache: reading <see cref="Parameters"/> or
/// <see cref="Weight"/> after a step first copies the trained weights back (a few ms for 5 M parameters), and the
/// next step repacks whatever the caller may have written. Not thread-safe.</para>
/// </remarks>
public sealed class Mlp
{
    private readonly float[] _parameters;
    private readonly int[] _widths;
    private readonly int[] _weightOffsets;
    private PackedMatrix[]? _packed;   // Wᵀ of each layer in the GEMM's panel layout, while training
    private bool _packedStale = true;  // the row-major weights may have changed since they were packed
    private bool _rowMajorStale;       // the packed weights have changed since they were copied back

    /// <summary>
    /// A network with the given widths [inputs, hidden…, outputs], all hidden layers using
    /// <paramref name="hiddenActivation"/>. Weights are set by <see cref="WeightFills.Normalized"/> from
    /// <paramref name="seed"/> (call <see cref="Initialize"/> for another scheme); biases are zero.
    /// </summary>
    public Mlp(IReadOnlyList<int> widths, Activation hiddenActivation, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count < 2)
            throw new ArgumentException("An MLP needs at least an input and an output width.", nameof(widths));
        for (int i = 0; i < widths.Count; i++)
            if (widths[i] <= 0)
                throw new ArgumentException($"Width {i} is {widths[i]}; every width must be positive.", nameof(widths));
        _widths = [.. widths];
        HiddenActivation = hiddenActivation;
        _weightOffsets = new int[LayerCount];
        long total = 0;
        for (int l = 0; l < LayerCount; l++)
        {
            // Each term is below 2^62 and the check runs before the next one is added: no 64-bit overflow.
            total += (long)_widths[l] * _widths[l + 1] + _widths[l + 1];
            if (total > Array.MaxLength)
                throw new ArgumentException($"The network {string.Join("-", _widths)} has more than {Array.MaxLength:N0} parameters, more than one array can hold; use narrower layers.", nameof(widths));
            _weightOffsets[l] = (int)(total - ((long)_widths[l] * _widths[l + 1] + _widths[l + 1]));
        }
        _parameters = new float[total];
        Initialize(WeightFills.Normalized, seed);
    }

    /// <summary>A network with <paramref name="inputs"/> inputs, the given hidden widths and <paramref name="classes"/> outputs.</summary>
    public Mlp(int inputs, IReadOnlyList<int> hidden, int classes, Activation hiddenActivation, ulong seed = 0)
        : this([inputs, .. hidden, classes], hiddenActivation, seed)
    {
    }

    /// <summary>The widths [inputs, hidden…, outputs].</summary>
    public IReadOnlyList<int> Widths => _widths;

    /// <summary>The number of dense layers (hidden layers + the output layer).</summary>
    public int LayerCount => _widths.Length - 1;

    /// <summary>The activation of every hidden layer.</summary>
    public Activation HiddenActivation { get; }

    /// <summary>The activation after dense layer <paramref name="layer"/>: the hidden one, identity for the last.</summary>
    public Activation LayerActivation(int layer)
    {
        CheckLayer(layer);
        return layer == LayerCount - 1 ? Activation.Identity : HiddenActivation;
    }

    /// <summary>Every parameter, in the order W₀, b₀, W₁, b₁, … (one allocation).</summary>
    public Span<float> Parameters
    {
        get
        {
            SyncRowMajor();
            return _parameters;
        }
    }

    /// <summary>
    /// Every parameter, read-only: unlike <see cref="Parameters"/> this does not make the next training step
    /// repack the weights, so probes can read it every step for the cost of one copy-back.
    /// </summary>
    public ReadOnlySpan<float> ReadOnlyParameters
    {
        get
        {
            CopyBackIfStale();
            return _parameters;
        }
    }

    /// <summary>The number of parameters.</summary>
    public int ParameterCount => _parameters.Length;

    /// <summary>Input width of layer <paramref name="layer"/>.</summary>
    public int FanIn(int layer) { CheckLayer(layer); return _widths[layer]; }

    /// <summary>Output width of layer <paramref name="layer"/>.</summary>
    public int FanOut(int layer) { CheckLayer(layer); return _widths[layer + 1]; }

    /// <summary>W of layer <paramref name="layer"/>: (out × in), row-major.</summary>
    public Span<float> Weight(int layer)
    {
        SyncRowMajor();
        return _parameters.AsSpan(WeightOffset(layer), FanOut(layer) * FanIn(layer));
    }

    /// <summary>b of layer <paramref name="layer"/>: (out). Biases are never packed: this is the live array.</summary>
    public Span<float> Bias(int layer) => _parameters.AsSpan(BiasOffset(layer), FanOut(layer));

    /// <summary>
    /// The packed Wᵀ (in × out) of every layer, current, for a trainer that will update them in place: the
    /// row-major copy is marked stale until the next public read.
    /// </summary>
    internal PackedMatrix[] PackedWeightsForUpdate()
    {
        if (_packed is null)
        {
            _packed = new PackedMatrix[LayerCount];
            for (int l = 0; l < LayerCount; l++) _packed[l] = new PackedMatrix(FanIn(l), FanOut(l));
        }
        if (_packedStale)
        {
            for (int l = 0; l < LayerCount; l++)
                _packed[l].Pack(_parameters.AsSpan(WeightOffset(l), FanOut(l) * FanIn(l)), FanIn(l), transposed: true);
            _packedStale = false;
        }
        _rowMajorStale = true;
        return _packed;
    }

    // Before handing out a writable row-major view: copy trained weights back, and assume the caller writes.
    private void SyncRowMajor()
    {
        CopyBackIfStale();
        _packedStale = true;
    }

    private void CopyBackIfStale()
    {
        if (_rowMajorStale && _packed is not null)
            for (int l = 0; l < LayerCount; l++)
                PackedWeights.UnpackTransposed(_packed[l], _parameters.AsSpan(WeightOffset(l), FanOut(l) * FanIn(l)));
        _rowMajorStale = false;
    }

    internal int WeightOffset(int layer) { CheckLayer(layer); return _weightOffsets[layer]; }

    internal int BiasOffset(int layer) => WeightOffset(layer) + FanOut(layer) * FanIn(layer);

    /// <summary>
    /// Sets every weight matrix with <paramref name="fill"/> — layer l gets stream l of <paramref name="seed"/>
    /// — and every bias to zero. Any initializer scheme plugs in here.
    /// </summary>
    public void Initialize(WeightFill fill, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(fill);
        for (int l = 0; l < LayerCount; l++)
        {
            fill(Weight(l), FanOut(l), FanIn(l), seed, (ulong)l);
            Bias(l).Clear();
        }
    }

    /// <summary>
    /// Parses hidden widths: <c>1000x5</c> (five layers of 1000), <c>500,300</c>, <c>1000x2,500</c>, or an empty
    /// string for none.
    /// </summary>
    public static int[] ParseHiddenWidths(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var widths = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] wx = part.Split('x', 'X', '×');
            if (wx.Length > 2
                || !int.TryParse(wx[0], NumberStyles.None, CultureInfo.InvariantCulture, out int width) || width <= 0)
                throw new FormatException($"Hidden widths '{text}': '{part}' is not WIDTH or WIDTHxCOUNT (e.g. 1000x5, 500,300).");
            int count = 1;
            if (wx.Length == 2
                && (!int.TryParse(wx[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count <= 0 || count > 10_000))
                throw new FormatException($"Hidden widths '{text}': the layer count in '{part}' must be between 1 and 10000.");
            for (int i = 0; i < count; i++) widths.Add(width);
        }
        return [.. widths];
    }

    private void CheckLayer(int layer)
    {
        if ((uint)layer >= (uint)LayerCount)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"The network has layers 0..{LayerCount - 1}.");
    }
}
