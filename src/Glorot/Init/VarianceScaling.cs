using Glorot.Random;

namespace Glorot.Init;

/// <summary>
/// The one fan-based fill: Var(W) = gain²·scale / n, with n the fan chosen by <paramref name="Mode"/>. Glorot,
/// He, LeCun, Caffe's "xavier" and PyTorch's default are presets of it (see <see cref="Schemes"/>).
/// </summary>
/// <param name="Scale">Multiplier of 1/n in the variance.</param>
/// <param name="Mode">Which fan n is.</param>
/// <param name="Distribution">Uniform U[−a, a] with a = √(3·Var); normal N(0, Var); or truncated normal with
/// the truncated distribution's variance equal to Var (bounds ±2σ′, σ′ = √Var / 0.87962566103423978).</param>
/// <param name="Gain">Multiplier of the standard deviation (see <see cref="Init.Gain"/>).</param>
/// <param name="Layout">How the shape's dimensions map to fans.</param>
/// <param name="Name">The scheme name reported; presets pass their own.</param>
public sealed record VarianceScaling(
    double Scale, FanMode Mode, Distribution Distribution, double Gain = 1.0,
    TensorLayout Layout = TensorLayout.OutInKernel, string Name = "variance-scaling") : Initializer
{
    /// <summary>Standard deviation of N(0, 1) truncated to [−2, 2]: √(1 − 4φ(2)/(Φ(2) − Φ(−2))).</summary>
    public const double TruncatedStdAtTwoSigma = 0.87962566103423978;

    /// <inheritdoc />
    public override string Scheme => Name;

    /// <summary>
    /// The layer the weight belongs to. When set, the fans come from the layer (by <see cref="FanConvention"/>)
    /// instead of from the tensor's shape, and the shape must hold the layer's weight count.
    /// </summary>
    public LayerSpec? Layer { get; init; }

    /// <summary>How fans follow from <see cref="Layer"/>: counted from the layer (default) or a framework's guess.</summary>
    public FanConvention FanConvention { get; init; } = FanConvention.Layer;

    /// <summary>The fans this scheme uses for a tensor of the given shape.</summary>
    public Fans FansFor(ReadOnlySpan<int> shape)
    {
        if (Layer is null) return Fans.Of(shape, Layout);
        long count = Shapes.ElementCount(shape);
        if (count != Layer.WeightCount)
            throw new ArgumentException(
                $"{Name}: shape {Shapes.Format(shape)} holds {count} values but the weight of {Layer} holds {Layer.WeightCount}.");
        return Layer.FansBy(FanConvention);
    }

    /// <inheritdoc />
    public override InitStats Describe(ReadOnlySpan<int> shape)
    {
        if (!(Scale > 0) || !double.IsFinite(Scale)) throw new ArgumentException($"{Name}: scale must be positive and finite; got {Scale}.");
        if (!(Gain > 0) || !double.IsFinite(Gain)) throw new ArgumentException($"{Name}: gain must be positive and finite; got {Gain}.");
        var fans = FansFor(shape);
        double n = fans.For(Mode);
        double std = Gain * Math.Sqrt(Scale / n);
        string fan = Mode switch
        {
            FanMode.FanIn => "fan_in", FanMode.FanOut => "fan_out",
            FanMode.FanAvg => "(fan_in + fan_out)/2", _ => "√(fan_in·fan_out)",
        };
        string variance = $"Var = gain²·{Scale:G6}/n, n = {fan}";
        return Distribution switch
        {
            Distribution.Uniform => new InitStats(Name, "uniform", fans, Gain, 0, std, -std * Math.Sqrt(3), std * Math.Sqrt(3),
                $"U[−a, a], a = √(3·Var); {variance}"),
            Distribution.Normal => new InitStats(Name, "normal", fans, Gain, 0, std, null, null, $"N(0, Var); {variance}"),
            _ => new InitStats(Name, "truncated-normal", fans, Gain, 0, std,
                -2 * std / TruncatedStdAtTwoSigma, 2 * std / TruncatedStdAtTwoSigma,
                $"N(0, σ′²) on [−2σ′, 2σ′], σ′ = √Var/0.8796 so the truncated variance is Var; {variance}"),
        };
    }

    /// <inheritdoc />
    public override Func<double, double>? Cdf(ReadOnlySpan<int> shape)
    {
        var stats = Describe(shape);
        double std = stats.Std;
        switch (Distribution)
        {
            case Distribution.Uniform:
                double a = stats.High!.Value;
                return x => Math.Clamp((x + a) / (2 * a), 0, 1);
            case Distribution.Normal:
                return x => RandomFill.StandardNormalCdf(x / std);
            default:
                double sigma = std / TruncatedStdAtTwoSigma;
                double f0 = RandomFill.StandardNormalCdf(-2), mass = RandomFill.StandardNormalCdf(2) - f0;
                return x => Math.Clamp((RandomFill.StandardNormalCdf(x / sigma) - f0) / mass, 0, 1);
        }
    }

    /// <inheritdoc />
    protected override void FillCore(Span<float> values, ReadOnlySpan<int> shape, InitStats stats,
        ulong seed, ulong stream, int threads)
    {
        switch (Distribution)
        {
            case Distribution.Uniform:
                RandomFill.Uniform(values, (float)stats.Low!.Value, (float)stats.High!.Value, seed, stream, 0, threads);
                break;
            case Distribution.Normal:
                RandomFill.Normal(values, 0f, (float)stats.Std, seed, stream, 0, threads);
                break;
            default:
                double sigma = stats.Std / TruncatedStdAtTwoSigma;
                RandomFill.TruncatedNormal(values, 0, sigma, -2 * sigma, 2 * sigma, seed, stream, 0, threads);
                break;
        }
    }
}
