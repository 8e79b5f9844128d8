using System.Text.Json;
using Glorot.Init;

namespace Glorot.Tests.Init;

/// <summary>
/// Presets and PyTorch's fan convention against PyTorch itself (Debian's python3-torch), when it is installed:
/// the fans `_calculate_fan_in_and_fan_out` returns, the module's weight shape, and the default-initialized
/// weights and biases, which must pass the preset's self-test. Skipped where no python3 with torch is found (/usr/bin/python3 first, then PATH).
/// </summary>
public sealed class PresetsPyTorchParityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("glorot-torch-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly (string Module, LayerSpec Layer, string Preset)[] Cases =
    [
        ("nn.Linear(784, 256)", LayerSpec.Dense(784, 256), "pytorch-linear"),
        ("nn.Conv2d(3, 64, 5)", LayerSpec.Convolution(3, 64, [5, 5]), "pytorch-conv"),
        ("nn.Conv2d(8, 16, 3, groups=2)", LayerSpec.Convolution(8, 16, [3, 3], 2), "pytorch-conv"),
        ("nn.Conv2d(4, 4, 3, groups=4)", LayerSpec.Convolution(4, 4, [3, 3], 4), "pytorch-conv"),
        ("nn.Conv2d(64, 128, 3, groups=64)", LayerSpec.Convolution(64, 128, [3, 3], 64), "pytorch-conv"),
        ("nn.ConvTranspose2d(16, 8, 4)", LayerSpec.TransposedConvolution(16, 8, [4, 4]), "pytorch-conv"),
        ("nn.ConvTranspose1d(8, 12, 3, groups=2)", LayerSpec.TransposedConvolution(8, 12, [3], 2), "pytorch-conv"),
        ("nn.ConvTranspose2d(64, 32, 3)", LayerSpec.TransposedConvolution(64, 32, [3, 3]), "pytorch-conv"),
    ];

    [SkippableFact]
    public void Fans_shapes_and_default_weights_match_pytorch()
    {
        string[] lines =
        [
            "import json, torch",
            "from torch import nn",
            "torch.manual_seed(0)",
            "out = []",
            .. Cases.Select((c, i) => string.Join("\n",
                $"m = {c.Module}",
                "fi, fo = nn.init._calculate_fan_in_and_fan_out(m.weight)",
                $"m.weight.detach().numpy().astype('<f4').tofile(r'{Path.Combine(_directory, $"w{i}.f32")}')",
                $"m.bias.detach().numpy().astype('<f4').tofile(r'{Path.Combine(_directory, $"b{i}.f32")}')",
                "out.append({'shape': list(m.weight.shape), 'fan_in': fi, 'fan_out': fo})")),
            "print(json.dumps(out))",
        ];
        var script = string.Join("\n", lines);
        var output = Support.Python.Run(script);
        Skip.If(output is null, "python3 with torch is not installed");
        var torch = JsonDocument.Parse(output!).RootElement;
        for (var i = 0; i < Cases.Length; i++)
        {
            var (module, layer, preset) = Cases[i];
            var t = torch[i];
            int[] shape = t.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(shape, layer.WeightShape(TensorLayout.OutInKernel));
            Assert.Equal(new Fans(t.GetProperty("fan_in").GetInt64(), t.GetProperty("fan_out").GetInt64()), layer.FansBy(FanConvention.PyTorch));

            var init = Presets.Create(preset, layer);
            var weights = Floats(Path.Combine(_directory, $"w{i}.f32"));
            var bias = Floats(Path.Combine(_directory, $"b{i}.f32"));
            var weightReport = SelfTest.Check(init.Weight, init.WeightShape, weights);
            Assert.True(weightReport.Passed, $"{module} weight: {string.Join("; ", weightReport.Checks.Select(c => $"{c.Name} {c.Statistic:G4} > {c.Threshold:G4}"))}");
            var biasReport = SelfTest.Check(init.Bias, init.BiasShape, bias);
            Assert.True(biasReport.Passed, $"{module} bias: {string.Join("; ", biasReport.Checks.Select(c => $"{c.Name} {c.Statistic:G4} > {c.Threshold:G4}"))}");

            // The check has power: where PyTorch's guess differs from the counted fan_in by 2× or more, the same
            // rule on the counted fans (bound 1/√((in/G)·K)) must fail on PyTorch's weights.
            if (layer.Fans.FanIn >= 2 * layer.FansBy(FanConvention.PyTorch).FanIn && weights.Length >= 10_000)
            {
                var counted = new VarianceScaling(1.0 / 3.0, FanMode.FanIn, Distribution.Uniform) { Layer = layer };
                Assert.False(SelfTest.Check(counted, init.WeightShape, weights).Passed, $"{module}: counted fans should not fit PyTorch's weights");
            }
        }
    }

    private static float[] Floats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }
}
