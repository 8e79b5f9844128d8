using System.Diagnostics;
using Glorot.Lab.Runs;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.TensorBoard;

/// <summary>
/// A run's event file read by an independent reader: Debian's python3-protobuf with classes that Debian's protoc
/// generates from the same schemas, and read_events.py's own CRC-32C, checked against metrics.csv and probes.jsonl.
/// </summary>
public sealed class RunEventsPythonTests
{
    private const string Python = "/usr/bin/python3";

    [SkippableFact]
    public void Python_protobuf_reads_every_scalar_and_histogram_as_metrics_csv_and_probes_jsonl_hold_them()
    {
        Skip.IfNot(File.Exists(Python) && Run(Python, "-c", "import google.protobuf").Code == 0,
            "Debian's python3-protobuf is not installed (apt-get install python3-protobuf)");
        string? protoc = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(d => Path.Combine(d, "protoc")).FirstOrDefault(File.Exists);
        Skip.If(protoc is null, "Debian's protoc is not installed (apt-get install protobuf-compiler)");

        using var temp = new TempDirectory();
        // A paused and resumed run, so that the reader sees a file that was cut back to a checkpoint and continued.
        var spec = TinySpecs.Tanh(60);
        Runner.Run(spec, temp.Sub("run"), new RunOptions { StopAt = 40 });
        var run = Runner.Run(spec, temp.Sub("run"), new RunOptions { Resume = true });
        Assert.Equal(RunStatus.Completed, run.Status);

        string protos = Path.Combine(Root(), "src", "Glorot.Lab", "TensorBoard", "Protos");
        string modules = temp.Sub("modules");
        Directory.CreateDirectory(modules);
        var generated = Run(protoc!, $"--proto_path={protos}", $"--python_out={modules}", "event.proto", "summary.proto", "histogram.proto");
        Assert.True(generated.Code == 0, generated.Output);

        var read = Run(Python, Path.Combine(Root(), "tests", "Glorot.Lab.Tests", "TensorBoard", "read_events.py"), modules, run.Directory.Root);
        Assert.True(read.Code == 0, read.Output);
        Assert.StartsWith("ok: ", read.Output);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Glorot.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Glorot.sln above {AppContext.BaseDirectory}");
    }

    private static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
