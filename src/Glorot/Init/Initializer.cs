using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Glorot.Random;

namespace Glorot.Init;

/// <summary>
/// A weight initializer: a rule that fills a tensor of a given shape from (seed, stream). Every scheme says what
/// it draws (<see cref="Describe"/>) before drawing it, and the same seed and stream give the same bits on any
/// thread count.
/// </summary>
public abstract record Initializer
{
    /// <summary>The scheme's name as the CLI spells it (e.g. "xavier-uniform").</summary>
    public abstract string Scheme { get; }

    /// <summary>What a fill of this shape draws (fans, gain, mean, std, support), without drawing.</summary>
    /// <exception cref="ArgumentException">The shape does not suit the scheme.</exception>
    public abstract InitStats Describe(ReadOnlySpan<int> shape);

    /// <summary>
    /// Fills <paramref name="values"/> (C order, <paramref name="shape"/>) and returns what was drawn, on
    /// <paramref name="threads"/> threads (0 = <see cref="Compute.Threads"/>; the bits never depend on it).
    /// </summary>
    /// <remarks>Every refusal of the scheme and shape comes from <see cref="Check"/>, before anything is drawn.</remarks>
    public InitStats Fill(Span<float> values, ReadOnlySpan<int> shape, ulong seed, ulong stream = 0, int threads = 0)
    {
        int count = Shapes.ElementCount(shape);
        if (values.Length != count)
            throw new ArgumentException($"Shape {Shapes.Format(shape)} holds {count} values but the span has {values.Length}.");
        var stats = Check(shape);
        FillCore(values, shape, stats, seed, stream, threads);
        return stats;
    }

    /// <summary>
    /// What a fill of this shape draws (<see cref="Describe"/>), checked as <see cref="Fill"/> checks it: the shape
    /// suits the scheme and every value fits in float32. A caller that must tell a refusal of its scheme and shape
    /// from a failure of the fill itself calls this first.
    /// </summary>
    /// <exception cref="ArgumentException">The shape does not suit the scheme, or its values would overflow float32.</exception>
    public InitStats Check(ReadOnlySpan<int> shape)
    {
        var stats = Describe(shape);
        CheckFitsInFloat(stats);
        return stats;
    }

    // A bounded side must have its bound in float32, an unbounded side mean ± 10σ (the float Box–Muller transform
    // never exceeds 6σ). Otherwise the fill would write ±∞ or NaN without a word.
    private static void CheckFitsInFloat(InitStats stats)
    {
        double open = Math.Abs(stats.Mean) + 10 * stats.Std;
        double reach = Math.Max(
            stats.Low is { } low && double.IsFinite(low) ? Math.Abs(low) : open,
            stats.High is { } high && double.IsFinite(high) ? Math.Abs(high) : open);
        if (!(reach <= float.MaxValue))
            throw new ArgumentException(
                $"{stats.Scheme}: values of {stats.Formula} reach {reach:G3}, beyond float32 (largest {float.MaxValue:G3}).");
    }

    /// <summary>A new tensor of the given shape, filled, carrying its <see cref="Provenance"/>.</summary>
    public Tensor Create(int[] shape, ulong seed, ulong stream = 0)
    {
        var tensor = new Tensor(shape);
        Fill(tensor.Span, shape, seed, stream);
        tensor.Provenance = ProvenanceOf(shape, seed, stream);
        return tensor;
    }

    /// <summary>
    /// The record of a fill of <paramref name="shape"/> by this initializer with (<paramref name="seed"/>,
    /// <paramref name="stream"/>): its description (<see cref="Describe"/>), its parameters and the generator's name
    /// and version, enough to draw the same bits again.
    /// </summary>
    public Provenance ProvenanceOf(ReadOnlySpan<int> shape, ulong seed, ulong stream = 0, string? name = null)
    {
        var stats = Describe(shape);
        // The scheme keeps its registry name (he-normal), which Schemes.Find reads back; the rest is snake_case.
        return new Provenance(name, shape.ToArray(), stats.Scheme, Parameters(), stats.Distribution.Replace('-', '_'), stats.Formula,
            stats.Fans?.FanIn, stats.Fans?.FanOut, stats.Gain, stats.Mean, stats.Std, stats.Low, stats.High,
            seed, stream, Provenance.GeneratorName, RandomFill.AlgorithmVersion, Provenance.CurrentLibraryVersion);
    }

    /// <summary>Writes the record of a fill (<see cref="ProvenanceOf"/>) beside the tensor file, named after the file
    /// unless <paramref name="name"/> is given; returns the path written (<c>w.npy</c> → <c>w.init.json</c>).</summary>
    public string WriteProvenanceBeside(string tensorPath, ReadOnlySpan<int> shape, ulong seed, ulong stream = 0, string? name = null) =>
        ProvenanceOf(shape, seed, stream, name ?? Path.GetFileNameWithoutExtension(tensorPath)).WriteBeside(tensorPath);

    /// <summary>
    /// The exact cumulative distribution function of each value of a fill of this shape (values are i.i.d.), or
    /// null for schemes whose values are not i.i.d. draws (orthogonal, constant, identity, dirac).
    /// <see cref="SelfTest"/> runs its Kolmogorov–Smirnov check against it.
    /// </summary>
    public virtual Func<double, double>? Cdf(ReadOnlySpan<int> shape) => null;

    /// <summary>
    /// The scheme's own parameters (the record's properties) as invariant, round-trippable text, for
    /// <see cref="Provenance"/>: e.g. scale, mode, distribution, gain, layout for <see cref="VarianceScaling"/>.
    /// Names and enumeration values are snake_case, as every key of the provenance JSON ("mode": "fan_in").
    /// </summary>
    public virtual IReadOnlyDictionary<string, string> Parameters()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.DeclaringType == typeof(Initializer) || property.GetIndexParameters().Length > 0) continue;
            if (property.Name is nameof(Scheme) or "EqualityContract") continue;
            if (property.GetValue(this) is { } value) result[SnakeCase(property.Name)] = Format(value);
        }
        return result;
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        Enum e => SnakeCase(e.ToString()),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        Initializer inner => $"{inner.Scheme}({string.Join(", ", inner.Parameters().Select(p => $"{p.Key}={p.Value}"))})",
        _ => value.ToString() ?? "",
    };

    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>Draws the values; <paramref name="stats"/> is this scheme's <see cref="Describe"/> of the shape.</summary>
    protected abstract void FillCore(Span<float> values, ReadOnlySpan<int> shape, InitStats stats,
        ulong seed, ulong stream, int threads);
}

/// <summary>What an initializer draws for a given shape.</summary>
/// <param name="Scheme">The scheme's name.</param>
/// <param name="Distribution">"uniform", "normal", "truncated-normal", "orthogonal", "constant", "identity", "dirac".</param>
/// <param name="Fans">Fans of the shape, where the scheme uses them.</param>
/// <param name="Gain">The gain applied, where the scheme has one.</param>
/// <param name="Mean">Mean of each value's distribution (for deterministic schemes, the mean over the tensor).</param>
/// <param name="Std">Standard deviation of each value's distribution (for deterministic schemes, over the tensor).</param>
/// <param name="Low">Lower end of the support, where bounded.</param>
/// <param name="High">Upper end of the support, where bounded.</param>
/// <param name="Formula">The rule in mathematical notation, with its source.</param>
public sealed record InitStats(
    string Scheme, string Distribution, Fans? Fans, double? Gain, double Mean, double Std,
    double? Low, double? High, string Formula)
{
    /// <summary>For symmetric uniform draws, the bound a of U[−a, a].</summary>
    public double? Bound => Distribution == "uniform" && Low is { } low && High is { } high && low == -high ? high : null;
}
