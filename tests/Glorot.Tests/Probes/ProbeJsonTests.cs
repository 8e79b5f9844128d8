using Glorot.Nn;
using Glorot.Probes;

namespace Glorot.Tests.Probes;

public class ProbeJsonTests
{
    internal static ProbeRecord SmallRecord(int jacobian = 0)
    {
        var mlp = new Mlp([4, 5, 6, 3], Activation.Tanh, WeightFills.Normalized, seed: 7);
        var x = new float[4 * 6];
        for (int i = 0; i < x.Length; i++) x[i] = MathF.Sin(i);
        return new NetworkProbe(mlp, new ProbeOptions { Bins = 5, JacobianExamples = jacobian }).Measure(x, [0, 1, 2, 0, 1, 2], step: 42);
    }

    [Fact]
    public void A_record_survives_a_json_round_trip_with_every_number()
    {
        var record = SmallRecord(jacobian: 1);
        var back = ProbeJson.Deserialize(ProbeJson.Serialize(record));
        Assert.Equal(ProbeJson.Serialize(record), ProbeJson.Serialize(back));
        Assert.Equal(record.Layers[1].Activations.Std, back.Layers[1].Activations.Std);
        Assert.Equal(record.Layers[0].WeightGradients!.Histogram.Counts, back.Layers[0].WeightGradients!.Histogram.Counts);
        Assert.Equal(record.Layers[0].JacobianMeanSingularValue, back.Layers[0].JacobianMeanSingularValue);
        Assert.Equal(record.Layers[1].WeightVariance, back.Layers[1].WeightVariance);
    }

    [Fact]
    public void The_json_carries_the_weight_variance_and_both_conditions()
    {
        var record = SmallRecord();
        using var json = System.Text.Json.JsonDocument.Parse(ProbeJson.Serialize(record));
        var layer = json.RootElement.GetProperty("layers")[1]; // 5 inputs, 6 units
        var l = record.Layers[1];
        Assert.Equal(l.WeightVariance, layer.GetProperty("weightVariance").GetDouble());
        Assert.Equal(5 * l.WeightVariance, layer.GetProperty("fanInWeightVariance").GetDouble());
        Assert.Equal(6 * l.WeightVariance, layer.GetProperty("fanOutWeightVariance").GetDouble());
    }

    [Fact]
    public void A_record_written_before_the_weight_variance_existed_reads_back_with_NaN()
    {
        var record = SmallRecord();
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        string old = ProbeJson.Serialize(record);
        foreach (var layer in record.Layers)
            old = old.Replace($",\"weightVariance\":{layer.WeightVariance.ToString("R", ci)},\"fanInWeightVariance\":{layer.FanInWeightVariance.ToString("R", ci)},\"fanOutWeightVariance\":{layer.FanOutWeightVariance.ToString("R", ci)}", "");
        Assert.DoesNotContain("eightVariance", old);
        var back = ProbeJson.Deserialize(old);
        Assert.All(back.Layers, l => Assert.True(double.IsNaN(l.FanInWeightVariance)));
    }

    [Fact]
    public void A_record_written_before_abs_p98_existed_reads_back_with_NaN()
    {
        var record = SmallRecord();
        Assert.False(double.IsNaN(record.Layers[0].ActivationAbsP98));
        string old = ProbeJson.Serialize(record);
        foreach (var layer in record.Layers)
            old = old.Replace($",\"activationAbsP98\":{layer.ActivationAbsP98.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", "");
        Assert.DoesNotContain("activationAbsP98", old);
        var back = ProbeJson.Deserialize(old);
        Assert.All(back.Layers, l => Assert.True(double.IsNaN(l.ActivationAbsP98)));
    }

    [Fact]
    public void Json_lines_append_and_read_back_and_corrupt_lines_are_named()
    {
        string dir = Directory.CreateTempSubdirectory("probejson").FullName;
        string path = Path.Combine(dir, "probes.jsonl");
        var record = SmallRecord();
        ProbeJson.AppendLine(path, record);
        ProbeJson.AppendLine(path, record with { Step = 43 });
        Assert.Equal([42L, 43L], ProbeJson.ReadLines(path).Select(r => r.Step));
        string full = File.ReadAllText(path);
        File.WriteAllText(path, full[..(full.Length / 3)]);   // truncated mid-record
        var error = Assert.Throws<InvalidDataException>(() => ProbeJson.ReadLines(path));
        Assert.Contains("line 1", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Throws<InvalidDataException>(() => ProbeJson.Deserialize("null"));
        Assert.Throws<InvalidDataException>(() => ProbeJson.Deserialize("{\"layers\": 5}"));
        // Missing or null members, negative counts, an impossible histogram layout: errors, never a half-empty record.
        Assert.Throws<InvalidDataException>(() => ProbeJson.Deserialize("{}"));
        string json = ProbeJson.Serialize(record);
        Assert.Throws<InvalidDataException>(() => ProbeJson.Deserialize(json.Replace("\"input\":{", "\"input\":null,\"x\":{")));
        Assert.Throws<InvalidDataException>(() => ProbeJson.Deserialize(json.Replace("\"below\":0", "\"below\":-1")));
        Assert.Throws<InvalidDataException>(() => ProbeJson.Deserialize(json.Replace("\"low\":", "\"low\":1e300,\"old\":")));
        Directory.Delete(dir, true);
    }
}
