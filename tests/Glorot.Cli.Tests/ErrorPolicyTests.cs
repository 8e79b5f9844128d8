using System.CommandLine;
using Glorot.IO;

namespace Glorot.Cli.Tests;

/// <summary>
/// Issue 8, point 9: the user's mistakes are one line and exit 2; everything else is a bug, printed with its stack
/// trace, exit 70 (<see cref="ExitCodes.InternalError"/>).
/// </summary>
public sealed class ErrorPolicyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "glorot-errors-" + Guid.NewGuid().ToString("N"));

    public ErrorPolicyTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static (int Exit, string Stderr) RunThrowing(Exception ex)
    {
        var root = new Command("glorot");
        var boom = new Command("boom");
        boom.SetAction(new Func<ParseResult, int>(_ => throw ex));
        root.Subcommands.Add(boom);
        var stderr = new StringWriter();
        int exit = Program.Run(root, ["boom"], new StringWriter(), stderr);
        return (exit, stderr.ToString());
    }

    [Fact]
    public void A_bug_exits_70_with_its_stack_trace()
    {
        var (exit, stderr) = RunThrowing(new InvalidOperationException("an invariant broke"));
        Assert.Equal(70, exit);
        Assert.StartsWith("glorot: internal error", stderr);
        Assert.Contains("System.InvalidOperationException: an invariant broke", stderr);
        Assert.Contains("   at ", stderr); // the frames
    }

    [Theory]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(ArgumentOutOfRangeException))]
    [InlineData(typeof(FormatException))]
    [InlineData(typeof(OutOfMemoryException))]
    [InlineData(typeof(NotSupportedException))]
    public void Library_refusals_outside_the_user_input_boundary_are_bugs(Type type)
    {
        var (exit, stderr) = RunThrowing((Exception)Activator.CreateInstance(type, "a refusal no user input caused")!);
        Assert.Equal(ExitCodes.InternalError, exit);
        Assert.Contains("   at ", stderr);
    }

    [Fact]
    public void User_input_files_and_corrupt_data_are_one_line_and_exit_2()
    {
        foreach (var ex in new Exception[]
                 {
                     new UserInputException("--rows must be 1 to 100."), new FileNotFoundException("spec.json does not exist."),
                     new UnauthorizedAccessException("denied"), new InvalidDataException("x.idx: truncated"),
                     new AggregateException(new IOException("No space left on device")),
                 })
        {
            var (exit, stderr) = RunThrowing(ex);
            Assert.Equal(ExitCodes.UserError, exit);
            Assert.Equal($"glorot: {ex.InnerException?.Message ?? ex.Message}\n", stderr.Replace("\r\n", "\n"));
        }
    }

    [Fact]
    public void A_refused_memory_budget_is_a_user_error_with_advice_and_a_real_out_of_memory_is_not()
    {
        var refused = Assert.Throws<UserInputException>(() => UserInput.Check(() => MemoryBudget.Require(MemoryBudget.Available * 2.0, "A test")));
        Assert.True(CliErrors.IsUserError(refused));
        Assert.Contains("Use smaller sizes", CliErrors.Describe(refused));
        Assert.False(CliErrors.IsUserError(new OutOfMemoryException()));
    }

    [Fact]
    public void A_suite_run_refused_by_its_own_preparation_is_the_users_and_names_the_run()
    {
        // A run of a suite is prepared only when its turn comes (memory, data, checkpoint): its refusal is still the
        // user's request, while a bare ArgumentException from the work is a bug.
        var refused = new Glorot.Lab.Suites.RunRefusedException("tanh@lr=0.01", new ArgumentException("too large for memory"));
        Assert.True(CliErrors.IsUserError(refused));
        Assert.True(CliErrors.IsUserError(new AggregateException(refused)));
        Assert.Equal("tanh@lr=0.01: too large for memory", refused.Message);
        Assert.False(CliErrors.IsUserError(new ArgumentException("too large for memory")));
    }

    [Fact]
    public void A_fault_injected_into_a_real_command_that_no_user_caused_is_reported_as_a_bug()
    {
        string target = Path.Combine(_dir, "w.npy");
        int exit;
        string error;
        using (FileFaults.Install(new FileFaults { FailAt = 0, Failure = (_, _) => new InvalidOperationException("injected fault") }))
            (exit, _, error) = CliRunner.Run("init", "xavier-uniform", "--shape", "4,4", "--out", target);
        Assert.Equal(ExitCodes.InternalError, exit);
        Assert.Contains("System.InvalidOperationException: injected fault", error);
        Assert.Contains("   at Glorot.", error);
        Assert.False(System.IO.File.Exists(target));
    }

    private const string TinySpec = """
        { "name": "t", "hidden": [8, 8], "updates": 30, "evaluate_every": 10, "evaluation_examples": 40,
          "probe_every": 15, "probe_examples": 10, "weight_gradient_examples": 3, "histogram_bins": 8,
          "checkpoint_every": 10, "learning_rate": 0.05 }
        """;

    // Runs the command counting its file operations and returns the index of the first one in a checkpoint (step-N):
    // a point inside training, after every check of the input.
    private static long FirstCheckpointOperation(params string[] args)
    {
        var counter = new FileFaults();
        int exit;
        string error;
        using (FileFaults.Install(counter))
            (exit, _, error) = CliRunner.Run(args);
        Assert.True(exit == 0, error);
        long at = counter.Log.FindIndex(op => op.Path.Contains("step-", StringComparison.Ordinal));
        Assert.True(at > 0, "no checkpoint written");
        return at;
    }

    // The same command with an ArgumentException, as a bug deep in the library would throw one, at operation `at`.
    private static (int Exit, string Stderr) RunWithArgumentExceptionAt(long at, params string[] args)
    {
        using var faults = FileFaults.Install(new FileFaults { FailAt = at, Failure = (_, _) => new ArgumentException("injected inside training") });
        var (exit, _, error) = CliRunner.Run(args);
        return (exit, error);
    }

    [Fact]
    public void An_argument_exception_inside_trainings_work_is_a_bug_with_its_trace()
    {
        string spec = File("tiny.json", TinySpec);
        long at = FirstCheckpointOperation("train", spec, "--out", Path.Combine(_dir, "counted"));
        var (exit, error) = RunWithArgumentExceptionAt(at, "train", spec, "--out", Path.Combine(_dir, "faulted"));
        Assert.True(exit == ExitCodes.InternalError, $"exit {exit}: {error}");
        Assert.StartsWith("glorot: internal error", error);
        Assert.Contains("System.ArgumentException: injected inside training", error);
        Assert.Contains("   at Glorot.", error);
    }

    [Fact]
    public void An_argument_exception_inside_a_suites_work_is_a_bug_with_its_trace()
    {
        long at = FirstCheckpointOperation("reproduce", "glorot2010", "--profile", "tiny", "--jobs", "1", "--out", Path.Combine(_dir, "counted"));
        var (exit, error) = RunWithArgumentExceptionAt(at, "reproduce", "glorot2010", "--profile", "tiny", "--jobs", "1", "--out", Path.Combine(_dir, "faulted"));
        Assert.True(exit == ExitCodes.InternalError, $"exit {exit}: {error}");
        Assert.Contains("System.ArgumentException: injected inside training", error);
        Assert.Contains("   at Glorot.", error);
    }

    [Fact]
    public void A_suite_into_an_out_that_holds_its_runs_is_one_line_and_exit_2_before_anything_is_written()
    {
        string dir = Path.Combine(_dir, "suite-out");
        var (first, _, firstError) = CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--out", dir);
        Assert.True(first == 0, firstError);
        string manifest = System.IO.File.ReadAllText(Path.Combine(dir, "suite.json"));
        var (exit, _, error) = CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--out", dir);
        Assert.True(exit == ExitCodes.UserError, $"exit {exit}: {error}");
        Assert.StartsWith("glorot: ", error);
        Assert.Contains("already holds a run", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Equal(manifest, System.IO.File.ReadAllText(Path.Combine(dir, "suite.json")));
    }

    [Fact]
    public void Help_lists_every_exit_code()
    {
        var (exit, stdout, _) = CliRunner.Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("Exit codes:", stdout);
        foreach (int code in new[] { ExitCodes.Success, ExitCodes.VerifyFailed, ExitCodes.UserError, ExitCodes.Diverged, ExitCodes.InternalError, ExitCodes.Interrupted, ExitCodes.Terminated })
            Assert.Matches($@"(?m)^\s+{code}\s+\S", stdout);
    }

    private string File(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private string Bytes(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    // Names the library parses: each refusal is the user's.
    [InlineData("gain", "bogus")]
    [InlineData("theory", "--activation", "bogus")]
    [InlineData("theory", "--init", "bogus")]
    [InlineData("theory", "--hidden", "10x")]
    [InlineData("theory", "critical", "--activation", "bogus")]
    [InlineData("theory", "critical", "--activation", "tanh", "--phase-diagram", "--out", "OUT/p.png", "--grid", "1")]
    [InlineData("probe", "--activation", "bogus", "--hidden", "8")]
    [InlineData("probe", "--init", "bogus", "--hidden", "8")]
    [InlineData("probe", "--scaling", "bogus", "--hidden", "8")]
    [InlineData("probe", "--bins", "0", "--hidden", "8", "--examples", "10")]
    [InlineData("probe", "--init", "lsuv", "--lsuv-tolerance", "-1", "--hidden", "8", "--examples", "10")]
    [InlineData("bench", "train", "--activation", "bogus")]
    [InlineData("bench", "train", "--hidden", "8", "--peak", "-1", "--steps", "1", "--repeats", "1")]
    [InlineData("init", "bogus", "--shape", "3,3")]
    [InlineData("init", "xavier-uniform", "--shape", "3,,3")]
    [InlineData("init", "orthogonal", "--shape", "5")]
    [InlineData("init", "xavier-uniform", "--layer", "conv9d", "--in", "3", "--out", "4")]
    [InlineData("init", "--preset", "bogus", "--in", "3", "--out", "4")]
    [InlineData("reproduce", "glorot2010", "--learning-rates", "0.1,abc", "--list")]
    [InlineData("reproduce", "glorot2010", "--shard", "5/2", "--list")]
    [InlineData("reproduce", "glorot2010", "--only", "nosuchnet", "--list")]
    [InlineData("data", "stats", "mnist", "--path", "OUT/none")]
    public void Bad_names_and_values_the_library_checks_are_one_line_and_exit_2(params string[] template)
    {
        string[] args = [.. template.Select(a => a.Replace("OUT", _dir))];
        var (exit, _, error) = CliRunner.Run(args);
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.StartsWith("glorot: ", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Hostile_files_are_one_line_and_exit_2()
    {
        string notJson = File("not.json", "{ \"hidden\": [8], ");
        string badActivation = File("act.json", "{ \"hidden\": [8], \"activation\": \"bogus\", \"updates\": 5 }");
        string badShape = File("shape.json", "{ \"hidden\": [0], \"updates\": 5 }");
        string binary = Bytes("bin.json", [0xFF, 0xFE, 0x00, 0x01, 0x80]);
        // An IDX directory whose image file claims 2^31 images of 28 × 28 but holds 16 bytes.
        string idx = Path.Combine(_dir, "idx");
        Directory.CreateDirectory(idx);
        foreach (var (name, magic) in new[] { ("train-images-idx3-ubyte", 0x803), ("t10k-images-idx3-ubyte", 0x803), ("train-labels-idx1-ubyte", 0x801), ("t10k-labels-idx1-ubyte", 0x801) })
            Bytes(Path.Combine("idx", name), [0, 0, (byte)(magic >> 8), (byte)magic, 0x7F, 0xFF, 0xFF, 0xFF, 0, 0, 0, 28, 0, 0, 0, 28]);
        // A suite output whose manifest is not JSON.
        string suite = Path.Combine(_dir, "suite");
        Directory.CreateDirectory(suite);
        File(Path.Combine("suite", "suite.json"), "not json");
        string[][] requests =
        [
            ["train", notJson, "--out", Path.Combine(_dir, "r1")],
            ["train", badActivation, "--out", Path.Combine(_dir, "r2")],
            ["train", badShape, "--out", Path.Combine(_dir, "r3")],
            ["train", binary, "--out", Path.Combine(_dir, "r4")],
            ["data", "stats", "mnist", "--path", idx],
            ["probe", "--dataset", "mnist", "--path", idx, "--hidden", "8", "--examples", "10"],
            ["report", suite, "--out", Path.Combine(_dir, "report")],
        ];
        foreach (var args in requests)
        {
            var (exit, _, error) = CliRunner.Run(args);
            Assert.True(exit == 2, $"glorot {string.Join(' ', args)}: exit {exit}: {error}");
            Assert.StartsWith("glorot: ", error);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
        }
    }
}
