using Glorot.IO;

namespace Glorot.Cli.Tests.Commands;

/// <summary>
/// Requests that used to crash with a stack trace, run for hours, or be accepted quietly (issue 11, classes 1, 7
/// and 8): each is now one line on stderr, <c>glorot: …</c>, exit 2, saying what is wrong.
/// </summary>
public sealed class InputValidationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "glorot-input-" + Guid.NewGuid().ToString("N"));

    public InputValidationTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Spec(string json)
    {
        string path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private static void OneLineError(string expected, params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.StartsWith("glorot: ", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("\"hidden\": [1000000000]", "parameters; one array holds at most")]
    [InlineData("\"hidden\": [8], \"batch_size\": 2000000000", "Use a smaller batch")]
    [InlineData("\"hidden\": [8], \"name\": \"a\", \"name\": \"b\"", "Duplicate property 'name'")]
    public void Specs_too_large_or_with_a_key_twice_are_refused_before_anything_is_allocated(string keys, string expected)
    {
        string run = Path.Combine(_dir, "run");
        OneLineError(expected, "train", Spec("{ \"updates\": 5, " + keys + " }"), "--out", run);
        Assert.False(File.Exists(Path.Combine(run, "metrics.csv")));
    }

    [Theory]
    [InlineData("parameters; one array holds at most", "probe", "--hidden", "1000000000x2")]
    [InlineData("more than one array holds", "probe", "--dataset", "gaussian", "--inputs", "2000000000")]
    [InlineData("Use a smaller batch", "bench", "train", "--batch", "2000000000")]
    [InlineData("--warmup must be 0 or more", "bench", "train", "--warmup", "-5")]
    [InlineData("--classes must be at least 2", "bench", "train", "--classes", "1")]
    [InlineData("--jacobian-examples 50 must be between 1 and --examples (10)", "probe", "--jacobian", "--jacobian-examples", "50", "--examples", "10", "--hidden", "8")]
    [InlineData("--count 2,000,000,000,000 is more than 10,000,000", "data", "stats", "shapeset", "--count", "2000000000000")]
    public void Options_out_of_reach_are_one_line_errors(string expected, params string[] args) => OneLineError(expected, args);

    [Theory]
    [InlineData("train", "SPEC", "--out", "RUN")]
    [InlineData("init", "normal", "--shape", "100000000,1")]
    [InlineData("probe", "--hidden", "8000x2", "--examples", "10")]
    [InlineData("bench", "train", "--hidden", "8000x2", "--steps", "1", "--repeats", "1")]
    public void A_request_beyond_the_memory_limit_names_both_figures(params string[] template)
    {
        // A 256 MiB heap limit stands for a container's memory limit (GC.GetGCMemoryInfo respects both), so the test
        // needs no large machine: the network 1024-8000-8000-9 alone needs about 0.5 GiB.
        string spec = Spec("{ \"hidden\": [8000, 8000], \"updates\": 5 }");
        string[] args = [.. template.Select(a => a == "SPEC" ? spec : a == "RUN" ? Path.Combine(_dir, "run") : a)];
        var (exit, _, error) = ChildProcess.Run(new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" }, args);
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Matches(@"^glorot: .* needs about [0-9.]+ (MiB|GiB) of memory; this process may use 2[0-9.]+ MiB", error);
    }

    [Fact]
    public void A_spec_path_that_is_a_directory_is_named_as_such() =>
        OneLineError("is a directory; give the spec's JSON file", "train", _dir);

    [Fact]
    public void An_out_under_a_file_names_the_file()
    {
        string file = Path.Combine(_dir, "plain");
        File.WriteAllText(file, "x");
        OneLineError($"{file} is a file, so no directory can be made under it", "train", Spec("{ \"hidden\": [8], \"updates\": 5 }"), "--out", Path.Combine(file, "run"));
    }

    [Theory]
    [InlineData("init", "xavier-uniform", "--shape", "64,64", "--out", "OUT.npy")]
    [InlineData("data", "preview", "shapeset", "--rows", "1", "--columns", "2", "--out", "OUT.png")]
    public void A_full_disk_leaves_no_partial_file(params string[] template)
    {
        string target = Path.Combine(_dir, template[^1]);
        string[] args = [.. template[..^1], target];
        // Every file operation fails in turn, as a full disk would at that point.
        for (long k = 0; k < 3; k++)
        {
            int exit;
            string error;
            using (FileFaults.Install(new FileFaults { FailAt = k, Failure = (_, path) => new IOException($"No space left on device : '{path}'") }))
                (exit, _, error) = CliRunner.Run(args);
            Assert.True(exit == 2, error);
            Assert.Contains("No space left on device", error);
            Assert.False(File.Exists(target), $"operation {k} left {target}");
            Assert.Empty(Directory.GetFiles(_dir, "*.tmp*"));
        }
        Assert.Equal(0, CliRunner.Run(args).ExitCode);
        Assert.True(File.Exists(target));
    }
}
