using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Runs;

public sealed class RunSpecJsonTests
{
    [Fact]
    public void A_spec_survives_a_JSON_round_trip_unchanged()
    {
        var spec = TinySpecs.Tanh() with { OutputInit = RunInit.XavierUniform, DataPath = "/data", JacobianExamples = 2, Seed = ulong.MaxValue, LearningRate = 0.1 };
        var back = RunSpecJson.Parse(RunSpecJson.Serialize(spec));
        Assert.Equal(RunSpecJson.Serialize(spec), RunSpecJson.Serialize(back));
        Assert.Equal(spec.Hidden, back.Hidden);
        Assert.Equal(spec with { Hidden = back.Hidden }, back);
    }

    [Fact]
    public void Keys_are_snake_case_and_comments_and_missing_keys_take_the_documented_defaults()
    {
        var spec = RunSpecJson.Parse("""
            // the paper's tanh network with normalized init
            { "name": "tanh-n", "init": "xavier-uniform", /* eq. 16 */ "learning_rate": 0.01, }
            """);
        Assert.Equal("tanh-n", spec.Name);
        Assert.Equal("xavier-uniform", spec.Init.Name);
        Assert.Equal([1000, 1000, 1000, 1000, 1000], spec.Hidden);
        Assert.Equal(10, spec.BatchSize);
        Assert.Equal(300, spec.ProbeExamples);
        Assert.Contains("\"learning_rate\"", RunSpecJson.Serialize(spec));
    }

    [Theory]
    [InlineData("{\"learning_rat\": 0.1}", "learning_rat")]
    [InlineData("{\"batch_size\": \"ten\"}", "batch_size")]
    [InlineData("{\"hidden\": [1000, 1000", "not a valid run spec")]
    [InlineData("[1, 2]", "not a valid run spec")]
    [InlineData("null", "holds null")]
    public void Malformed_JSON_is_rejected_naming_the_file_and_the_key(string json, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => RunSpecJson.Parse(json, "my-spec.json"));
        Assert.StartsWith("my-spec.json:", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData("{\"learning_rate\": -1}", "learning_rate")]
    [InlineData("{\"learning_rate\": 0}", "learning_rate")]
    [InlineData("{\"batch_size\": 0}", "batch_size")]
    [InlineData("{\"hidden\": []}", "hidden")]
    [InlineData("{\"hidden\": [10, -3]}", "hidden width -3")]
    [InlineData("{\"activation\": \"swish\"}", "activation 'swish'")]
    [InlineData("{\"init\": \"glorot-magic\"}", "init")]
    [InlineData("{\"output_init\": \"nope\"}", "output_init")]
    [InlineData("{\"dataset\": \"imagenet\"}", "dataset 'imagenet'")]
    [InlineData("{\"input_scaling\": \"0-255\"}", "input_scaling")]
    [InlineData("{\"name\": \"../escape\"}", "plain file name")]
    [InlineData("{\"evaluate_every\": 0}", "evaluate_every")]
    [InlineData("{\"probe_examples\": 10, \"weight_gradient_examples\": 30}", "weight_gradient_examples")]
    [InlineData("{\"updates\": -5}", "updates")]
    [InlineData("{\"init\": \"standard\", \"init_gain\": 2}", "init_gain")]
    public void Values_that_cannot_work_are_rejected_with_a_message_naming_them(string json, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => RunSpecJson.Parse(json, "s.json"));
        Assert.StartsWith("s.json:", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void A_gain_reaches_the_hidden_layers_initializer()
    {
        var plain = TinySpecs.Tanh() with { Init = RunInit.XavierUniform };
        var doubled = plain with { InitGain = 2 };
        RunSpecJson.Validate(doubled);
        var a = new float[16 * 1024];
        var b = new float[16 * 1024];
        Glorot.Lab.Runs.Runner.InitialWeights(plain, 3)(a, 16, 1024, 1, 0);
        Glorot.Lab.Runs.Runner.InitialWeights(doubled, 3)(b, 16, 1024, 1, 0);
        // Same stream, bound scaled by the gain: every weight exactly doubles (a power-of-two scale is exact in float).
        for (int i = 0; i < a.Length; i++) Assert.Equal(2 * a[i], b[i], 6);
    }

    [Fact]
    public void Loading_a_missing_file_says_which()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => RunSpecJson.Load("/nonexistent/spec.json"));
        Assert.Contains("/nonexistent/spec.json", ex.Message);
    }

    [Fact]
    public void Save_then_Load_gives_the_same_spec()
    {
        using var temp = new TempDirectory();
        string path = temp.Sub("spec.json");
        RunSpecJson.Save(TinySpecs.Tanh(), path);
        Assert.Equal(RunSpecJson.Serialize(TinySpecs.Tanh()), RunSpecJson.Serialize(RunSpecJson.Load(path)));
        Assert.False(File.Exists(path + ".tmp"));
    }
}
