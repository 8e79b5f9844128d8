namespace Glorot.Init;

/// <summary>Which fan a variance-scaling initializer divides by.</summary>
public enum FanMode
{
    /// <summary>n = fan_in: keeps the forward variance (LeCun 1998; He et al. 2015, eq. 10).</summary>
    FanIn,
    /// <summary>n = fan_out: keeps the variance of back-propagated gradients (He et al. 2015, eq. 14).</summary>
    FanOut,
    /// <summary>n = (fan_in + fan_out)/2: Glorot &amp; Bengio's compromise (2010, eq. 12).</summary>
    FanAvg,
    /// <summary>n = √(fan_in·fan_out): JAX's geometric average.</summary>
    FanGeoAvg,
}

/// <summary>The distribution a variance-scaling initializer draws from.</summary>
public enum Distribution
{
    /// <summary>U[−a, a] with a = √(3·Var).</summary>
    Uniform,
    /// <summary>N(0, Var), untruncated (PyTorch's meaning of "normal").</summary>
    Normal,
    /// <summary>
    /// N(0, σ′²) truncated to [−2σ′, 2σ′], with σ′ = σ / 0.87962566103423978 so that the truncated distribution
    /// has the requested variance (Keras, TF2 and JAX's meaning).
    /// </summary>
    TruncatedNormal,
}

/// <summary>How a weight tensor's dimensions are laid out, which decides its fans.</summary>
public enum TensorLayout
{
    /// <summary>PyTorch: [out, in, k₁, k₂, …]; fan_in = in·Πk, fan_out = out·Πk.</summary>
    OutInKernel,
    /// <summary>Keras/TensorFlow: [k₁, k₂, …, in, out]; fan_in = in·Πk, fan_out = out·Πk.</summary>
    KernelInOut,
}
