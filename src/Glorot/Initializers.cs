using Glorot.Init;

namespace Glorot;

/// <summary>
/// Every initializer as a typed method: the same objects as <see cref="Schemes.Create"/> builds from a name (the
/// one registry of formulas and sources), for code that prefers IntelliSense to strings. Draw with
/// <see cref="Initializer.Create"/> (a new <see cref="Tensor"/>) or <see cref="Initializer.Fill"/> (your span);
/// shapes are PyTorch's [out, in, k…] unless a method says otherwise.
/// </summary>
/// <example>
/// <code>
/// var w = Initializers.XavierUniform(gain: Gain.Of("tanh")).Create([256, 784], seed: 1);
/// var (weight, bias) = Initializers.PyTorch.Linear(784, 256).Draw(seed: 1);
/// </code>
/// </example>
public static class Initializers
{
    /// <summary>U[−1/√fan_in, 1/√fan_in]: Glorot &amp; Bengio's "standard" heuristic (2010, eq. 1).</summary>
    public static Initializer Standard() => Schemes.Create("standard");

    /// <summary>U[−a, a], a = gain·√(6/(fan_in + fan_out)) (Glorot &amp; Bengio 2010, eq. 16; PyTorch's xavier_uniform_).</summary>
    /// <param name="gain">Multiplier of the bound, e.g. <c>Gain.Of("tanh")</c> = 5/3.</param>
    public static Initializer XavierUniform(double gain = 1.0) => Schemes.Create("xavier-uniform", new InitOptions { Gain = gain });

    /// <summary>N(0, σ²), σ = gain·√(2/(fan_in + fan_out)), untruncated (PyTorch's xavier_normal_).</summary>
    /// <param name="gain">Multiplier of the standard deviation.</param>
    public static Initializer XavierNormal(double gain = 1.0) => Schemes.Create("xavier-normal", new InitOptions { Gain = gain });

    /// <summary>U[−b, b], b = gain·√(3/fan) with gain from <paramref name="nonlinearity"/> (He et al. 2015, eq. 10;
    /// PyTorch's kaiming_uniform_).</summary>
    /// <param name="nonlinearity">"relu" (gain √2, the default), "leaky-relu:0.01", "tanh", "linear", …</param>
    /// <param name="mode">fan_in keeps the forward variance, fan_out the backward one (He et al. 2015, eq. 14).</param>
    public static Initializer HeUniform(string nonlinearity = "relu", FanMode mode = FanMode.FanIn) =>
        Schemes.Create("he-uniform", new InitOptions { Nonlinearity = nonlinearity, Mode = mode });

    /// <summary>N(0, σ²), σ = gain/√fan, untruncated, gain from <paramref name="nonlinearity"/> (He et al. 2015;
    /// PyTorch's kaiming_normal_).</summary>
    /// <param name="nonlinearity">"relu" (gain √2, the default), "leaky-relu:0.01", "tanh", "linear", …</param>
    /// <param name="mode">fan_in keeps the forward variance, fan_out the backward one.</param>
    public static Initializer HeNormal(string nonlinearity = "relu", FanMode mode = FanMode.FanIn) =>
        Schemes.Create("he-normal", new InitOptions { Nonlinearity = nonlinearity, Mode = mode });

    /// <summary>U[−√(3/fan_in), √(3/fan_in)]: Var = 1/fan_in (LeCun et al. 1998).</summary>
    public static Initializer LeCunUniform() => Schemes.Create("lecun-uniform");

    /// <summary>N(0, 1/fan_in), untruncated (LeCun et al. 1998; Klambauer et al. 2017 for SELU).</summary>
    public static Initializer LeCunNormal() => Schemes.Create("lecun-normal");

    /// <summary>Var = scale/n with n the fan chosen by <paramref name="mode"/>; the truncated normal is corrected so
    /// its variance is scale/n (the rule every fan-based scheme is a preset of).</summary>
    public static Initializer VarianceScaling(double scale = 1.0, FanMode mode = FanMode.FanIn,
        Distribution distribution = Distribution.TruncatedNormal, TensorLayout layout = TensorLayout.OutInKernel) =>
        Schemes.Create("variance-scaling", new InitOptions { Scale = scale, Mode = mode, Distribution = distribution, Layout = layout });

    /// <summary>gain·Q, Q a Haar-random (semi-)orthogonal matrix of shape [shape[0], Π shape[1…]] (Saxe et al. 2014;
    /// PyTorch's orthogonal_).</summary>
    public static Initializer Orthogonal(double gain = 1.0) => Schemes.Create("orthogonal", new InitOptions { Gain = gain });

    /// <summary>U[low, high) (PyTorch's uniform_).</summary>
    public static Initializer Uniform(double low = 0, double high = 1) => Schemes.Create("uniform", new InitOptions { Low = low, High = high });

    /// <summary>N(mean, std²) (PyTorch's normal_).</summary>
    public static Initializer Normal(double mean = 0, double std = 1) => Schemes.Create("normal", new InitOptions { Mean = mean, Std = std });

    /// <summary>N(mean, std²) conditioned on the absolute bounds [a, b], std before truncation (PyTorch's trunc_normal_).</summary>
    public static Initializer TruncatedNormal(double mean = 0, double std = 1, double a = -2, double b = 2) =>
        Schemes.Create("truncated-normal", new InitOptions { Mean = mean, Std = std, Low = a, High = b });

    /// <summary>gain·I for [out, in], rectangular allowed (PyTorch's eye_ when gain = 1).</summary>
    public static Initializer Identity(double gain = 1.0) => Schemes.Create("identity", new InitOptions { Gain = gain });

    /// <summary>The identity convolution: 1 at the kernel centre of channel d → d, per group (PyTorch's dirac_).</summary>
    public static Initializer Dirac(int groups = 1) => Schemes.Create("dirac", new InitOptions { Groups = groups });

    /// <summary>Every value equal to <paramref name="value"/>.</summary>
    public static Initializer Constant(double value) => Schemes.Create("constant", new InitOptions { Value = value });

    /// <summary>All zeros (every unit identical: the symmetry is never broken; for biases).</summary>
    public static Initializer Zeros() => Schemes.Create("zeros");

    /// <summary>All ones.</summary>
    public static Initializer Ones() => Schemes.Create("ones");

    /// <summary>PyTorch's default modules (<see cref="Presets"/>): a layer's weight and bias as its reset_parameters draws them.</summary>
    public static class PyTorch
    {
        /// <summary>nn.Linear(in, out): weight [out, in] and bias [out], both U(±1/√in).</summary>
        public static LayerInit Linear(int inFeatures, int outFeatures) => Presets.Create("pytorch-linear", LayerSpec.Dense(inFeatures, outFeatures));

        /// <summary>nn.ConvNd(in, out, kernel, groups): weight [out, in/groups, k…] and bias, U(±1/√((in/groups)·Πk)).</summary>
        public static LayerInit Conv(int inChannels, int outChannels, int[] kernel, int groups = 1) =>
            Presets.Create("pytorch-conv", LayerSpec.Convolution(inChannels, outChannels, kernel, groups));
    }

    /// <summary>Keras' initializers and default layers: truncated normals corrected to the target std, fans of the
    /// kernel layout [k…, in, out] (keras/src/initializers/random_initializers.py).</summary>
    public static class Keras
    {
        /// <summary>keras.initializers.GlorotUniform: U(±√(6/(fan_in + fan_out))).</summary>
        public static Initializer GlorotUniform() => Schemes.Create("keras-glorot-uniform");

        /// <summary>keras.initializers.GlorotNormal: truncated at ±2σ′, std after truncation √(2/(fan_in + fan_out)).</summary>
        public static Initializer GlorotNormal() => Schemes.Create("keras-glorot-normal");

        /// <summary>keras.initializers.HeUniform: U(±√(6/fan_in)).</summary>
        public static Initializer HeUniform() => Schemes.Create("keras-he-uniform");

        /// <summary>keras.initializers.HeNormal: truncated at ±2σ′, std after truncation √(2/fan_in).</summary>
        public static Initializer HeNormal() => Schemes.Create("keras-he-normal");

        /// <summary>keras.initializers.LecunUniform: U(±√(3/fan_in)).</summary>
        public static Initializer LeCunUniform() => Schemes.Create("keras-lecun-uniform");

        /// <summary>keras.initializers.LecunNormal: truncated at ±2σ′, std after truncation √(1/fan_in).</summary>
        public static Initializer LeCunNormal() => Schemes.Create("keras-lecun-normal");

        /// <summary>keras.initializers.TruncatedNormal(mean, stddev): cut at mean ± 2·stddev, stddev before truncation.</summary>
        public static Initializer TruncatedNormal(double mean = 0, double std = 0.05) =>
            Schemes.Create("keras-truncated-normal", new InitOptions { Mean = mean, Std = std });

        /// <summary>keras.layers.Dense(out) on in features: kernel [in, out] glorot_uniform, bias zeros.</summary>
        public static LayerInit Dense(int inFeatures, int outFeatures) => Presets.Create("keras-dense", LayerSpec.Dense(inFeatures, outFeatures));
    }

    /// <summary>Flax's default layers (flax.linen).</summary>
    public static class Flax
    {
        /// <summary>flax.linen.Dense: kernel [in, out] lecun_normal (truncated, corrected), bias zeros.</summary>
        public static LayerInit Dense(int inFeatures, int outFeatures) => Presets.Create("flax-dense", LayerSpec.Dense(inFeatures, outFeatures));
    }
}
