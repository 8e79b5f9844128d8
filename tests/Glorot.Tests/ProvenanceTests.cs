using CsCheck;
using Glorot.Init;
using Glorot.Random;

namespace Glorot.Tests;

public sealed class ProvenanceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("glorot-provenance-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Provenance Sample(ulong seed = ulong.MaxValue, ulong stream = 7)
    {
        var layer = LayerSpec.Convolution(3, 64, [5, 5]);
        var scheme = Schemes.Create("he-uniform", new InitOptions { Layer = layer, Nonlinearity = "leaky-relu:0.2" });
        return scheme.ProvenanceOf(layer.WeightShape(), seed, stream, "conv1.weight");
    }

    [Fact]
    public void A_record_says_scheme_parameters_fans_gain_seed_stream_and_generator()
    {
        var p = Sample();
        Assert.Equal("he-uniform", p.Scheme);
        Assert.Equal([64, 3, 5, 5], p.Shape);
        Assert.Equal((75L, 1600L), (p.FanIn!.Value, p.FanOut!.Value));
        Assert.Equal(Gain.LeakyRelu(0.2), p.Gain);
        Assert.Equal("fan_in", p.Parameters["mode"]);
        Assert.Equal("conv2d 3→64, kernel 5x5, groups 1", p.Parameters["layer"]);
        Assert.Equal((ulong.MaxValue, 7UL), (p.Seed, p.Stream));
        Assert.Equal(("philox4x32-10", RandomFill.AlgorithmVersion), (p.Generator, p.GeneratorVersion));
    }

    [Fact]
    public void Every_key_and_every_word_valued_field_is_snake_case()
    {
        var p = Schemes.Create("variance-scaling", new InitOptions { Distribution = Distribution.TruncatedNormal, Mode = FanMode.FanGeoAvg }).ProvenanceOf([8, 4], 1);
        Assert.Equal("truncated_normal", p.Distribution);
        Assert.Equal(
            ["distribution=truncated_normal", "fan_convention=layer", "gain=1", "layout=out_in_kernel", "mode=fan_geo_avg", "name=variance-scaling", "scale=1"],
            p.Parameters.Select(kv => $"{kv.Key}={kv.Value}"));
        using var json = System.Text.Json.JsonDocument.Parse(p.ToJson());
        Assert.All(json.RootElement.EnumerateObject(), f => Assert.Matches("^[a-z_]+$", f.Name));
        // The scheme keeps its registry name, which Schemes.Find reads back.
        Assert.Equal("variance-scaling", Schemes.Find(p.Scheme).Name);
    }

    [Fact]
    public void A_schema_1_record_is_still_read_as_written()
    {
        var v1 = Sample().ToJson().Replace("\"schema_version\": 2", "\"schema_version\": 1").Replace("\"mode\": \"fan_in\"", "\"Mode\": \"FanIn\"");
        Assert.Equal("FanIn", Provenance.Parse(v1).Parameters["Mode"]);
    }

    [Fact]
    public void Json_round_trip_is_exact_down_to_the_bits_of_every_double()
    {
        var p = Sample();
        var back = Provenance.Parse(p.ToJson());
        Assert.Equal(p, back);
        Assert.Equal(BitConverter.DoubleToInt64Bits(p.Std), BitConverter.DoubleToInt64Bits(back.Std));
        Assert.Equal(BitConverter.DoubleToInt64Bits(p.High!.Value), BitConverter.DoubleToInt64Bits(back.High!.Value));
        Assert.Equal(p.Parameters, back.Parameters);
    }

    [Fact]
    public void Round_trips_for_any_seed_stream_and_name() =>
        Gen.Select(Gen.ULong, Gen.ULong, Gen.String[0, 40]).Sample((seed, stream, name) =>
        {
            var p = new RandomNormal(0.5, 0.1).ProvenanceOf([3, 4], seed, stream, name);
            Assert.Equal(p, Provenance.Parse(p.ToJson()));
        }, iter: 200);

    [Fact]
    public void Written_beside_a_tensor_file_and_read_back()
    {
        var npy = Path.Combine(_directory, "w.npy");
        var path = new Orthogonal(1.5).WriteProvenanceBeside(npy, [8, 16], 42, 3);
        Assert.Equal(Path.Combine(_directory, "w.init.json"), path);
        var back = Provenance.ReadBeside(npy);
        Assert.Equal(("orthogonal", "w", 42UL, 3UL), (back.Scheme, back.Name, back.Seed, back.Stream));
        Assert.Equal("1.5", back.Parameters["gain"]);
    }

    [Fact]
    public void A_created_tensor_carries_its_provenance()
    {
        var tensor = Schemes.Create("xavier-normal").Create([20, 30], 5, 2);
        Assert.NotNull(tensor.Provenance);
        Assert.Equal(("xavier-normal", 5UL, 2UL), (tensor.Provenance!.Scheme, tensor.Provenance.Seed, tensor.Provenance.Stream));
        Assert.Equal((30L, 20L), (tensor.Provenance.FanIn!.Value, tensor.Provenance.FanOut!.Value));
    }

    public static TheoryData<string, string> Hostile
    {
        get
        {
            var good = Sample().ToJson();
            return new TheoryData<string, string>
            {
                { good[..(good.Length / 2)], "not valid JSON" },
                { "", "not valid JSON" },
                { "[]", "expected a JSON object" },
                { good.Replace("\"seed\"", "\"sed\""), "unknown field 'sed'" },
                { good.Replace("\"schema_version\": 2", "\"schema_version\": 3"), "schema_version 3 is not supported" },
                { good.Replace("\"schema_version\": 2", "\"schema_version\": 0"), "schema_version 0 is not supported" },
                { good.Replace("\"shape\": [\n    64,", "\"shape\": [\n    0,"), "dimension 0 must be a positive" },
                { good.Replace("\"shape\": [\n    64,", "\"shape\": [\n    1e10,"), "dimension 0 must be a positive" },
                { good.Replace("\"shape\": [\n    64,", "\"shape\": [\n    \"64\","), "dimension 0 must be a positive" },
                { good.Replace($"\"seed\": {ulong.MaxValue}", "\"seed\": -1"), "'seed' must be an integer" },
                { good.Replace($"\"seed\": {ulong.MaxValue}", "\"seed\": 18446744073709551616"), "'seed' must be an integer" },
                { good.Replace("\"mean\": 0", "\"mean\": \"zero\""), "'mean' must be a finite number" },
                { good.Replace("\"mean\": 0", "\"mean\": 1e999"), "'mean' must be a finite number" },
                { good.Replace("\"std\": ", "\"std\": -"), "'std' must not be negative" },
                { good.Replace("\"parameters\": {", "\"parameters\": {\"x\": {\"y\": [[[1]]]},"), "JSON" },
                { good.Replace("\"parameters\": {", "\"parameters\": {\"x\": 1,"), "parameter 'x' must be a string" },
                { good.Replace("\"formula\": \"", "\"formula\": \"" + new string('a', 5000)), "longer than 4096" },
                { good.Replace("\"scheme\": \"he-uniform\",", "\"scheme\": \"he-uniform\", \"scheme\": \"x\","), "appears twice" },
                { good.Replace("  \"generator\": \"philox4x32-10\",\n", ""), "missing field(s): generator" },
                { good.Replace("\"scheme\": \"he-uniform\"", "\"scheme\": null"), "'scheme' must be a string" },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Malformed_or_hostile_json_is_refused_with_the_file_and_problem(string json, string expected)
    {
        var path = Path.Combine(_directory, "bad.init.json");
        File.WriteAllText(path, json);
        var ex = Assert.Throws<InvalidDataException>(() => Provenance.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Oversized_files_are_refused_before_parsing()
    {
        var path = Path.Combine(_directory, "huge.init.json");
        File.WriteAllText(path, "{\"name\": \"" + new string('x', 2 << 20) + "\"}");
        var ex = Assert.Throws<InvalidDataException>(() => Provenance.Read(path));
        Assert.Contains("too large", ex.Message);
    }

    [Fact]
    public void A_missing_record_is_an_io_error_naming_the_path()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => Provenance.ReadBeside(Path.Combine(_directory, "none.npy")));
        Assert.Contains("none.init.json", ex.Message);
    }
}
