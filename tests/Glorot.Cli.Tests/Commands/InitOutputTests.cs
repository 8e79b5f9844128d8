using System.Diagnostics;
using Glorot.Data;
using Glorot.Init;

namespace Glorot.Cli.Tests;

public sealed class InitOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("glorot-init-out-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Out_writes_the_drawn_tensor_as_npy_with_its_provenance_beside_it()
    {
        var path = Path.Combine(_dir, "w.npy");
        var (code, stdout, stderr) = CliRunner.Run("init", "he-normal", "--shape", "32,16", "--seed", "7", "--out", path);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains($"wrote         {path}", stdout);
        var saved = Npy.Read(path);
        Assert.Equal([32, 16], saved.Shape);
        var expected = new float[32 * 16];
        Schemes.Create("he-normal").Fill(expected, [32, 16], seed: 7);
        Assert.Equal(expected, saved.Singles!);
        var record = Provenance.ReadBeside(path);
        Assert.Equal("he-normal", record.Scheme);
        Assert.Equal(7UL, record.Seed);
    }

    [Fact]
    public void Preset_save_writes_weight_and_bias_into_a_directory()
    {
        var dir = Path.Combine(_dir, "fc1");
        var (code, _, stderr) = CliRunner.Run("init", "--preset", "pytorch-linear", "--in", "20", "--out", "10", "--save", dir);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal([10, 20], Npy.Read(Path.Combine(dir, "weight.npy")).Shape);
        Assert.Equal([10], Npy.Read(Path.Combine(dir, "bias.npy")).Shape);
        Assert.True(File.Exists(Path.Combine(dir, "bias.init.json")));
    }

    [SkippableFact]
    public void Numpy_loads_the_file_as_float32_C_order_with_the_same_values()
    {
        Skip.IfNot(File.Exists("/usr/bin/python3") && Run("/usr/bin/python3", "-c \"import numpy\"").Code == 0,
            "Debian's python3-numpy is not installed (apt-get install python3-numpy)");
        var path = Path.Combine(_dir, "w.npy");
        Assert.Equal(0, CliRunner.Run("init", "xavier-uniform", "--shape", "3,5", "--out", path).ExitCode);
        var (rc, output) = Run("/usr/bin/python3",
            $"-c \"import numpy as np; w = np.load('{path}'); print(w.dtype, w.shape, w.flags['C_CONTIGUOUS'], repr(float(w[2, 4])))\"");
        Assert.Equal(0, rc);
        float last = Npy.Read(path).Singles![14];
        Assert.Equal($"float32 (3, 5) True {((double)last).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", output.Trim());
    }

    [Fact]
    public void An_unwritable_path_is_one_clear_error()
    {
        var blocker = Path.Combine(_dir, "a-file");
        File.WriteAllText(blocker, "not a directory");
        var (code, stdout, stderr) = CliRunner.Run("init", "xavier-uniform", "--shape", "4,4", "--out", Path.Combine(blocker, "w.npy"));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("glorot: Cannot write", stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void With_a_layer_out_is_the_output_count_and_a_file_name_there_says_to_use_save()
    {
        var (code, _, stderr) = CliRunner.Run("init", "xavier-uniform", "--layer", "dense", "--in", "4", "--out", "w.npy");
        Assert.Equal(2, code);
        Assert.Contains("--save", stderr);
    }

    private static (int Code, string Output) Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
