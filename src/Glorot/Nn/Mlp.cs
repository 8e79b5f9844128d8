using System.Globalization;
using Glorot.Kernels;

namespace Glorot.Nn;

/// <summary>
/// A fully connected network (multi-layer perceptron) x → dense → f → … → dense → logits, as in Glorot &amp;
/// Bengio (2010) §2.3: layer l computes s = z·Wᵀ + b, z′ = f(s), with f the hidden activation for every layer but
/// the last, whose output is the logits (identity) fed to softmax + negative log-likelihood.
/// </summary>
/// <remarks>
/// One representation of the weights: each layer's Wᵀ (in × out) in the GEMM's packed panel layout (32-column
/// panels, so no product ever repacks them; docs/BENCHMARKS.md "Design measurements"), and every bias in one array.
/// Reading and writing go through explicit copies in PyTorch's order — W_l is (out × in) row-major, nn.Linear's
/// convention, and <see cref="CopyParameters(Span{float})"/> lays out W₀, b₀, W₁, b₁, … so that a checkpoint maps
/// onto <c>nn.Sequential(Linear, Act, Linear, Act, …, Linear)</c>; biases also have a read-only view. Nothing is
/// cached, so reading never makes a later step repack. Running the network lives in <see cref="NetworkPass"/>,
/// training in <see cref="SgdTrainer"/>. Not thread-safe.
/// </remarks>
public sealed class Mlp
{
    private readonly int[] _widths;
    private readonly PackedMatrix[] _weights; // Wᵀ (in × out) of each layer, packed
    private readonly float[] _biases;         // b₀, b₁, … in one allocation
    private readonly int[] _biasOffsets;

    /// <summary>
    /// A network with the given widths [inputs, hidden…, outputs], all hidden layers using
    /// <paramref name="hiddenActivation"/>, every weight and bias zero (construction fills nothing: use the overload
    /// with a <see cref="WeightFill"/>, or <see cref="Initialize"/>).
    /// </summary>
    public Mlp(IReadOnlyList<int> widths, Activation hiddenActivation)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count < 2)
            throw new ArgumentException("An MLP needs at least an input and an output width.", nameof(widths));
        for (int i = 0; i < widths.Count; i++)
            if (widths[i] <= 0)
                throw new ArgumentException($"Width {i} is {widths[i]}; every width must be positive.", nameof(widths));
        _widths = [.. widths];
        HiddenActivation = hiddenActivation;
        long total = 0;
        for (int l = 0; l < LayerCount; l++)
        {
            // Each term is below 2^62 and the check runs before the next one is added: no 64-bit overflow.
            // One array must hold every parameter (CopyParameters, checkpoints).
            total += (long)_widths[l] * _widths[l + 1] + _widths[l + 1];
            if (total > Array.MaxLength)
                throw new ArgumentException($"The network {string.Join("-", _widths)} has more than {Array.MaxLength:N0} parameters, more than one array can hold; use narrower layers.", nameof(widths));
        }
        ParameterCount = (int)total;
        _weights = new PackedMatrix[LayerCount];
        _biasOffsets = new int[LayerCount];
        int biases = 0;
        for (int l = 0; l < LayerCount; l++)
        {
            _weights[l] = new PackedMatrix(_widths[l], _widths[l + 1]);
            _biasOffsets[l] = biases;
            biases += _widths[l + 1];
        }
        _biases = new float[biases];
    }

    /// <summary>
    /// A network with the given widths whose weights are set by <paramref name="fill"/> from <paramref name="seed"/>
    /// (as <see cref="Initialize"/>: layer l gets stream l), biases zero.
    /// </summary>
    public Mlp(IReadOnlyList<int> widths, Activation hiddenActivation, WeightFill fill, ulong seed)
        : this(widths, hiddenActivation) => Initialize(fill, seed);

    /// <summary>A network with <paramref name="inputs"/> inputs, the given hidden widths and <paramref name="classes"/> outputs, all zero.</summary>
    public Mlp(int inputs, IReadOnlyList<int> hidden, int classes, Activation hiddenActivation)
        : this([inputs, .. hidden, classes], hiddenActivation)
    {
    }

    /// <summary>As <see cref="Mlp(int, IReadOnlyList{int}, int, Activation)"/>, weights set by <paramref name="fill"/> from <paramref name="seed"/>.</summary>
    public Mlp(int inputs, IReadOnlyList<int> hidden, int classes, Activation hiddenActivation, WeightFill fill, ulong seed)
        : this([inputs, .. hidden, classes], hiddenActivation, fill, seed)
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

    /// <summary>The number of parameters, Σ (n_in·n_out + n_out).</summary>
    public int ParameterCount { get; }

    /// <summary>Input width of layer <paramref name="layer"/>.</summary>
    public int FanIn(int layer) { CheckLayer(layer); return _widths[layer]; }

    /// <summary>Output width of layer <paramref name="layer"/>.</summary>
    public int FanOut(int layer) { CheckLayer(layer); return _widths[layer + 1]; }

    /// <summary>Copies W of layer <paramref name="layer"/> out: <paramref name="destination"/> is (out × in), row-major.</summary>
    public void CopyWeight(int layer, Span<float> destination)
    {
        CheckShape(layer, destination.Length);
        PackedWeights.UnpackTransposed(_weights[layer], destination);
    }

    /// <summary>A copy of W of layer <paramref name="layer"/>: (out × in), row-major.</summary>
    public float[] CopyWeight(int layer)
    {
        var w = new float[FanOut(layer) * FanIn(layer)];
        CopyWeight(layer, w);
        return w;
    }

    /// <summary>Sets W of layer <paramref name="layer"/> from <paramref name="source"/>: (out × in), row-major.</summary>
    public void SetWeight(int layer, ReadOnlySpan<float> source)
    {
        CheckShape(layer, source.Length);
        _weights[layer].Pack(source, FanIn(layer), transposed: true);
    }

    /// <summary>
    /// W ← (float)(W·<paramref name="scale"/>) for layer <paramref name="layer"/>, element by element in double
    /// precision (LSUV's rescaling). The zero padding of the packed panels stays zero.
    /// </summary>
    public void ScaleWeight(int layer, double scale)
    {
        CheckLayer(layer);
        foreach (ref float w in PackedWeights.Storage(_weights[layer])) w = (float)(w * scale);
    }

    /// <summary>b of layer <paramref name="layer"/>: (out), a read-only view.</summary>
    public ReadOnlySpan<float> Bias(int layer) => BiasForUpdate(layer);

    /// <summary>Sets b of layer <paramref name="layer"/> from <paramref name="source"/>: (out).</summary>
    public void SetBias(int layer, ReadOnlySpan<float> source)
    {
        var b = BiasForUpdate(layer);
        if (source.Length != b.Length)
            throw new ArgumentException($"Layer {layer}'s bias has {b.Length} values, not {source.Length}.", nameof(source));
        source.CopyTo(b);
    }

    /// <summary>Copies every parameter out, in the order W₀, b₀, W₁, b₁, … (<see cref="ParameterCount"/> values).</summary>
    public void CopyParameters(Span<float> destination)
    {
        CheckParameterCount(destination.Length, nameof(destination));
        int offset = 0;
        for (int l = 0; l < LayerCount; l++)
        {
            int weights = FanOut(l) * FanIn(l);
            CopyWeight(l, destination.Slice(offset, weights));
            Bias(l).CopyTo(destination.Slice(offset + weights));
            offset += weights + FanOut(l);
        }
    }

    /// <summary>A copy of every parameter, in the order W₀, b₀, W₁, b₁, …</summary>
    public float[] CopyParameters()
    {
        var p = new float[ParameterCount];
        CopyParameters(p);
        return p;
    }

    /// <summary>Sets every parameter from <paramref name="source"/>, in the order of <see cref="CopyParameters(Span{float})"/>.</summary>
    public void SetParameters(ReadOnlySpan<float> source)
    {
        CheckParameterCount(source.Length, nameof(source));
        int offset = 0;
        for (int l = 0; l < LayerCount; l++)
        {
            int weights = FanOut(l) * FanIn(l);
            SetWeight(l, source.Slice(offset, weights));
            SetBias(l, source.Slice(offset + weights, FanOut(l)));
            offset += weights + FanOut(l);
        }
    }

    /// <summary>
    /// The first (0-based) dense layer whose weights or biases hold NaN or ±∞, or null when every parameter is
    /// finite (a good checkpoint).
    /// </summary>
    public int? FirstNonFiniteLayer()
    {
        for (int l = 0; l < LayerCount; l++)
            if (!FiniteCheck.All(PackedWeights.Storage(_weights[l])) || !FiniteCheck.All(Bias(l))) return l;
        return null;
    }

    /// <summary>
    /// Sets every weight matrix with <paramref name="fill"/> — layer l gets stream l of <paramref name="seed"/>
    /// — and every bias to zero. Any initializer scheme plugs in here.
    /// </summary>
    public void Initialize(WeightFill fill, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(fill);
        float[]? w = null; // the fill writes PyTorch's (out × in) layout; one buffer for the largest layer
        for (int l = 0; l < LayerCount; l++)
        {
            int count = FanOut(l) * FanIn(l);
            if (w is null || w.Length < count) w = new float[count];
            var layer = w.AsSpan(0, count);
            layer.Clear(); // a fill sees zeros, as in a fresh array
            fill(layer, FanOut(l), FanIn(l), seed, (ulong)l);
            SetWeight(l, layer);
            BiasForUpdate(l).Clear();
        }
    }

    /// <summary>Wᵀ (in × out) of layer <paramref name="layer"/>, packed: the GEMM operand, which a trainer updates in place.</summary>
    internal PackedMatrix PackedWeight(int layer) { CheckLayer(layer); return _weights[layer]; }

    /// <summary>b of layer <paramref name="layer"/>, writable, for a trainer's update.</summary>
    internal Span<float> BiasForUpdate(int layer)
    {
        CheckLayer(layer);
        return _biases.AsSpan(_biasOffsets[layer], _widths[layer + 1]);
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

    private void CheckShape(int layer, int length)
    {
        if (length != FanOut(layer) * FanIn(layer))
            throw new ArgumentException($"Layer {layer}'s weight W is {FanOut(layer)}×{FanIn(layer)} = {FanOut(layer) * FanIn(layer)} values, not {length}.");
    }

    private void CheckParameterCount(int length, string name)
    {
        if (length != ParameterCount)
            throw new ArgumentException($"The network has {ParameterCount} parameters, not {length}.", name);
    }

    private void CheckLayer(int layer)
    {
        if ((uint)layer >= (uint)LayerCount)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"The network has layers 0..{LayerCount - 1}.");
    }
}
