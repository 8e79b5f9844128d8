using Glorot.Init;

namespace Glorot.Tests.Init;

/// <summary>
/// Every alias and every name two frameworks use differently, against its home framework's semantics, and the
/// table in docs/INITIALIZERS.md ("Names and aliases") against the registry.
/// </summary>
public sealed class SchemeAliasTests
{
    // A 3×3 convolution from 16 to 32 channels: PyTorch stores [32, 16, 3, 3], Keras [3, 3, 16, 32]; fans 144 / 288.
    private static readonly int[] TorchConv = [32, 16, 3, 3];
    private static readonly int[] KerasConv = [3, 3, 16, 32];
    private const double FanIn = 144, FanOut = 288;

    /// <summary>name → (shape in its framework's layout, distribution, std of the values from the framework's formula).</summary>
    public static TheoryData<string, int[], string, double> Semantics => new()
    {
        // Glorot & Bengio (2010) eq. 16, the "normalized initialization".
        { "normalized", TorchConv, "uniform", Math.Sqrt(2 / (FanIn + FanOut)) },
        { "normalised", TorchConv, "uniform", Math.Sqrt(2 / (FanIn + FanOut)) },
        // PyTorch kaiming_uniform_ / kaiming_normal_ (a = 0, fan_in): std √(2/fan_in), untruncated normal.
        { "kaiming-uniform", TorchConv, "uniform", Math.Sqrt(2 / FanIn) },
        { "kaiming_normal_", TorchConv, "normal", Math.Sqrt(2 / FanIn) },
        { "xavier_uniform_", TorchConv, "uniform", Math.Sqrt(2 / (FanIn + FanOut)) },
        // Caffe MSRAFiller: Gaussian std √(2/fan_in), fan_in = count/num of [out, in, k…].
        { "msra", TorchConv, "normal", Math.Sqrt(2 / FanIn) },
        // PyTorch trunc_normal_(std 1, a −2, b 2): the std of N(0, 1) cut at ±2.
        { "trunc_normal_", [4, 4], "truncated-normal", VarianceScaling.TruncatedStdAtTwoSigma },
        { "pytorch-truncated-normal", [4, 4], "truncated-normal", VarianceScaling.TruncatedStdAtTwoSigma },
        // Keras TruncatedNormal(stddev 0.05): cut at ±2·0.05, std before truncation.
        { "tf-truncated-normal", [4, 4], "truncated-normal", 0.05 * VarianceScaling.TruncatedStdAtTwoSigma },
        { "eye", [4, 4], "identity", Math.Sqrt(0.25 - 0.0625) }, // four ones in sixteen: mean 1/4, E[w²] 1/4
        { "zero", [4, 4], "constant", 0 },
        // Keras / JAX VarianceScaling presets on Keras' kernel layout: the std after truncation is the target.
        { "keras-glorot-uniform", KerasConv, "uniform", Math.Sqrt(2 / (FanIn + FanOut)) },
        { "keras-glorot-normal", KerasConv, "truncated-normal", Math.Sqrt(2 / (FanIn + FanOut)) },
        { "keras-he-uniform", KerasConv, "uniform", Math.Sqrt(2 / FanIn) },
        { "keras-he-normal", KerasConv, "truncated-normal", Math.Sqrt(2 / FanIn) },
        { "keras-lecun-uniform", KerasConv, "uniform", Math.Sqrt(1 / FanIn) },
        { "keras-lecun-normal", KerasConv, "truncated-normal", Math.Sqrt(1 / FanIn) },
    };

    [Theory]
    [MemberData(nameof(Semantics))]
    public void Each_alias_draws_what_its_home_framework_draws(string name, int[] shape, string distribution, double std)
    {
        var stats = Schemes.Create(name).Describe(shape);
        Assert.Equal(distribution, stats.Distribution);
        Assert.Equal(std, stats.Std, 12);
    }

    [Theory]
    [InlineData("keras-he-normal")]
    [InlineData("keras-lecun-normal")]
    [InlineData("keras-glorot-normal")]
    public void Keras_normals_are_cut_at_two_of_their_pre_truncation_stds(string name)
    {
        var stats = Schemes.Create(name).Describe(KerasConv);
        double sigma = stats.Std / VarianceScaling.TruncatedStdAtTwoSigma;
        Assert.Equal(2 * sigma, stats.High!.Value, 12);
        Assert.Equal(-2 * sigma, stats.Low!.Value, 12);
    }

    [Fact]
    public void Keras_schemes_read_fans_in_the_keras_layout_unless_told_otherwise()
    {
        // fan_in of [3, 3, 16, 32] is 16·9 in Keras' layout; read as PyTorch's [out, in, k…] it would be 3·16·32.
        Assert.Equal(new Fans(144, 288), Schemes.Create("keras-he-normal").Describe(KerasConv).Fans);
        Assert.Equal(new Fans(144, 288), Schemes.Create("keras-he-normal", new InitOptions { Layout = TensorLayout.OutInKernel }).Describe(TorchConv).Fans);
    }

    [Theory]
    [InlineData("glorot_normal", "keras-glorot-normal", "xavier-normal")]
    [InlineData("Glorot-Normal", "keras-glorot-normal", "xavier-normal")]
    [InlineData("glorot_uniform", "keras-glorot-uniform", "xavier-uniform")]
    [InlineData("glorot-uniform", "keras-glorot-uniform", "xavier-uniform")]
    [InlineData("he_normal", "keras-he-normal", "he-normal")]
    [InlineData("he_uniform", "keras-he-uniform", "he-uniform")]
    [InlineData("lecun_normal", "keras-lecun-normal", "lecun-normal")]
    [InlineData("lecun_uniform", "keras-lecun-uniform", "lecun-uniform")]
    [InlineData("truncated_normal", "keras-truncated-normal", "truncated-normal")]
    [InlineData("variance_scaling", "variance-scaling --layout keras", "variance-scaling")]
    [InlineData("random_normal", "normal --std 0.05", "normal")]
    [InlineData("random_uniform", "uniform --low -0.05 --high 0.05", "uniform")]
    public void A_name_with_two_meanings_is_refused_naming_both(string name, string keras, string ours)
    {
        var ex = Assert.Throws<ArgumentException>(() => Schemes.Create(name));
        Assert.Contains("means two things", ex.Message);
        Assert.Contains($"Say {keras} or {ours}.", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void The_dash_spellings_are_this_librarys_schemes()
    {
        Assert.Equal("he-normal", Schemes.Find("he-normal").Name);
        Assert.Equal("normal", Schemes.Create("HE-NORMAL").Describe(TorchConv).Distribution);
        Assert.Equal("lecun-normal", Schemes.Find("lecun-normal").Name);
        Assert.Equal("truncated-normal", Schemes.Find("truncated-normal").Name);
    }

    [Fact]
    public void The_docs_table_lists_every_alias_and_every_refused_name_as_the_registry_resolves_it()
    {
        var rows = DocsTable();
        foreach (var (name, scheme) in rows)
        {
            if (scheme == "refused")
                Assert.Throws<ArgumentException>(() => Schemes.Find(name));
            else
                Assert.Equal(scheme, Schemes.Find(name).Name);
        }
        var documented = rows.Select(r => r.Name).ToHashSet();
        foreach (var name in Schemes.Aliases.Keys.Concat(Schemes.Ambiguous.Keys))
            Assert.Contains(name, documented);
        foreach (var keras in Schemes.All.Where(e => e.Name.StartsWith("keras-", StringComparison.Ordinal) && e.Name != "keras-truncated-normal"))
            Assert.Contains(keras.Name, documented);
    }

    // The rows of the table after "### Names and aliases": | `name` | `scheme` or refused | meaning |.
    private static List<(string Name, string Scheme)> DocsTable()
    {
        var lines = File.ReadAllLines(Path.Combine(Support.Repository.Root, "docs", "INITIALIZERS.md"));
        int start = Array.FindIndex(lines, l => l.StartsWith("### Names and aliases", StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/INITIALIZERS.md has no '### Names and aliases' section");
        var rows = new List<(string, string)>();
        foreach (var line in lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            rows.Add((cells[1].Trim('`'), cells[2].Trim('`')));
        }
        Assert.NotEmpty(rows);
        return rows;
    }
}
