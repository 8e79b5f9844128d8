using Glorot.Data;
using Glorot.Lab.Runs;
using Glorot.Lab.Tests.Support;

namespace Glorot.Lab.Tests.Runs;

/// <summary>A spec's activation, init, output_init and input_scaling are read into their types once, when the JSON is
/// parsed; an unknown name fails there, naming the file and the key; and the typed values write back the same bytes.</summary>
public sealed class RunSpecTypedValuesTests
{
    public static TheoryData<string> PublishedSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Repository.PublishedResults())
            foreach (var spec in Directory.EnumerateFiles(folder, "spec.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(Repository.Root, spec));
        return data;
    }

    [Fact]
    public void There_are_published_specs_to_check()
    {
        // Guards the theory below against passing on an empty list (a moved docs/results would make it vacuous).
        Assert.True(PublishedSpecs().Count >= 40, $"{PublishedSpecs().Count} published specs found");
    }

    [Theory]
    [MemberData(nameof(PublishedSpecs))]
    public void A_published_spec_re_serializes_byte_for_byte(string relativePath)
    {
        string text = File.ReadAllText(Path.Combine(Repository.Root, relativePath));
        Assert.Equal(text, RunSpecJson.Serialize(RunSpecJson.Parse(text, relativePath)));
    }

    [Fact]
    public void The_names_become_typed_values()
    {
        var spec = RunSpecJson.Parse("""
            { "activation": "leaky-relu:0.2", "init": "he-normal", "output_init": "xavier-uniform", "input_scaling": "minus-one-one" }
            """);
        Assert.Equal(Activation.LeakyRelu(0.2), spec.Activation);
        Assert.Equal("he-normal", spec.Init.Name);
        Assert.False(spec.Init.IsLsuv);
        Assert.Equal(RunInit.XavierUniform, spec.OutputInit);
        Assert.Equal(PixelScaling.MinusOneOne, spec.InputScaling);
    }

    [Fact]
    public void Missing_names_take_the_documented_defaults()
    {
        var spec = RunSpecJson.Parse("{}");
        Assert.Equal(Activation.Tanh, spec.Activation);
        Assert.Equal(RunInit.Standard, spec.Init);
        Assert.Null(spec.OutputInit);
        Assert.Equal(PixelScaling.ZeroOne, spec.InputScaling);
    }

    [Theory]
    [InlineData("lsuv")]
    [InlineData(" LSUV ")]
    public void Lsuv_is_read_as_the_data_dependent_scheme_and_written_as_spelled(string name)
    {
        string json = $$"""{ "init": "{{name}}", "lsuv_batch": 64 }""";
        var spec = RunSpecJson.Parse(json);
        Assert.True(spec.Init.IsLsuv);
        Assert.Throws<InvalidOperationException>(() => spec.Init.Create());
        Assert.Contains($"\"init\": \"{name}\"", RunSpecJson.Serialize(spec));
    }

    [Fact]
    public void An_alias_stays_as_spelled_so_the_spec_keeps_its_digest()
    {
        var spec = RunSpecJson.Parse("""{ "init": "normalized" }""");
        Assert.Equal("normalized", spec.Init.Name);
        Assert.Contains("\"init\": \"normalized\"", RunSpecJson.Serialize(spec));
        // The alias and its scheme build the same initializer (Glorot & Bengio 2010 eq. 16).
        Assert.Equal(RunInit.XavierUniform.Create().Create([16, 32], seed: 3).Span.ToArray(), spec.Init.Create().Create([16, 32], seed: 3).Span.ToArray());
    }

    [Theory]
    [InlineData("""{ "activation": "swish" }""", "s.json: activation 'swish' is unknown")]
    [InlineData("""{ "activation": 3 }""", "s.json: activation number is not a name")]
    [InlineData("""{ "activation": "elu:-1" }""", "s.json: activation 'elu:-1': the")]
    [InlineData("""{ "init": "glorot-magic" }""", "s.json: init ")]
    [InlineData("""{ "output_init": "nope" }""", "s.json: output_init ")]
    [InlineData("""{ "output_init": "lsuv" }""", "s.json: output_init 'lsuv'")]
    [InlineData("""{ "input_scaling": "0-255" }""", "s.json: input_scaling '0-255' is unknown; use zero-one, minus-one-one, standardize.")]
    [InlineData("""{ "init": null }""", "s.json: init must name a scheme")]
    public void An_unknown_name_fails_when_the_spec_is_read_naming_file_and_key(string json, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => RunSpecJson.Parse(json, "s.json"));
        Assert.StartsWith(expected, ex.Message);
    }

    [Fact]
    public void Each_pixel_scaling_has_one_name_and_reads_back_from_it()
    {
        Assert.Equal(Enum.GetValues<PixelScaling>().Length, PixelScalingNames.Names.Count);
        foreach (var scaling in Enum.GetValues<PixelScaling>())
            Assert.Equal(scaling, PixelScalingNames.Parse(PixelScalingNames.Name(scaling)));
    }
}
