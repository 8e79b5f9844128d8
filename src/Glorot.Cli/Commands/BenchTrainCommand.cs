using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glorot.Nn;

namespace Glorot.Cli.Commands;

/// <summary>
/// <c>glorot bench train</c>: training steps per second of an MLP (forward, softmax-NLL, backward, SGD) on random
/// inputs, with examples/s, GFLOP/s and the fraction of the FMA peak (measured, or given with --peak).
/// </summary>
internal static class BenchTrainCommand
{
    public static Command Build()
    {
        var inputs = new Option<int>("--inputs") { Description = "input width", DefaultValueFactory = _ => 1024 };
        var hidden = new Option<string>("--hidden")
        {
            Description = "hidden widths: WIDTHxCOUNT or a comma list (1000x5 = the paper's deepest network)",
            DefaultValueFactory = _ => "1000x5",
        };
        var classes = new Option<int>("--classes") { Description = "output classes", DefaultValueFactory = _ => 9 };
        var activation = new Option<string>("--activation")
        {
            Description = $"hidden activation: {ActivationRegistry.Help}",
            DefaultValueFactory = _ => "tanh",
        };
        var batch = new Option<int>("--batch") { Description = "minibatch size (the paper: 10)", DefaultValueFactory = _ => 10 };
        var steps = new Option<int>("--steps") { Description = "timed steps per repeat", DefaultValueFactory = _ => 500 };
        var warmup = new Option<int>("--warmup") { Description = "untimed steps first", DefaultValueFactory = _ => 20 };
        var repeats = new Option<int>("--repeats") { Description = "timed repeats; the best is reported", DefaultValueFactory = _ => 3 };
        var peak = new Option<double?>("--peak")
        {
            Description = "one core's FP32 FMA peak in GFLOP/s for the fraction of peak (default: measured by an FMA-only loop)",
        };
        var momentum = new Option<float>("--momentum") { Description = "SGD momentum (0 = plain SGD, update fused into the GEMM)" };
        var nesterov = new Option<bool>("--nesterov") { Description = "Nesterov momentum (needs --momentum above 0)" };
        var fused = new Option<bool>("--fused")
        {
            Description = "one pass over each weight matrix for its data gradient and update (false: the two-pass step, for comparison; same results)",
            DefaultValueFactory = _ => true,
        };
        var json = new Option<bool>("--json") { Description = "print JSON instead of text" };

        var command = new Command("train",
            "Time training steps of an MLP on random inputs (the arithmetic does not depend on the data): " +
            "steps/s, examples/s, GFLOP/s (forward 2·Σ in·out, weight gradient the same, backward data without the " +
            "first layer) and the fraction of the FMA peak (one core's, measured or --peak, times the cores the threads can use). " +
            "Warm-up steps are excluded.");
        foreach (var option in new Option[] { inputs, hidden, classes, activation, batch, steps, warmup, repeats, ThreadsOption.Create(), momentum, nesterov, fused, peak, json })
            command.Options.Add(option);
        command.SetAction(result =>
        {
            ThreadsOption.Apply(result);
            var options = new TrainingBenchmarkOptions
            {
                Inputs = Positive(result.GetValue(inputs), "--inputs"),
                Hidden = UserInput.Check(() => Mlp.ParseHiddenWidths(result.GetValue(hidden) ?? "")),
                Classes = result.GetValue(classes) >= 2 ? result.GetValue(classes)
                    : throw new UserInputException($"--classes must be at least 2 (softmax over one class learns nothing), not {result.GetValue(classes)}."),
                Activation = UserInput.Check(() => Activation.Parse(result.GetValue(activation) ?? "tanh")),
                Batch = Positive(result.GetValue(batch), "--batch"),
                Steps = Positive(result.GetValue(steps), "--steps"),
                WarmupSteps = result.GetValue(warmup) >= 0 ? result.GetValue(warmup)
                    : throw new UserInputException($"--warmup must be 0 or more untimed steps, not {result.GetValue(warmup)}."),
                Repeats = Positive(result.GetValue(repeats), "--repeats"),
                Threads = Compute.Threads,
                PeakGflopPerCore = result.GetValue(peak), // TrainingBenchmark.Run refuses a non-positive one
                Sgd = new SgdOptions { LearningRate = 1e-3f, Momentum = result.GetValue(momentum), Nesterov = result.GetValue(nesterov) },
                FusedBackward = result.GetValue(fused),
            };
            // The options (e.g. a non-positive --peak), SGD's settings and the memory are the user's; the timing is not.
            UserInput.Check(() => TrainingBenchmark.Check(options));
            var r = TrainingBenchmark.Run(options);
            var o = result.InvocationConfiguration.Output;
            string net = $"{options.Inputs}-{string.Join("-", options.Hidden)}-{options.Classes}";
            if (result.GetValue(json))
            {
                o.WriteLine(JsonSerializer.Serialize(new
                {
                    network = net,
                    activation = options.Activation.ToString(),
                    batch = options.Batch,
                    threads = r.Threads,
                    steps = options.Steps,
                    repeats = options.Repeats,
                    momentum = options.Sgd.Momentum,
                    nesterov = options.Sgd.Nesterov,
                    fused_backward = options.FusedBackward,
                    steps_per_second = r.StepsPerSecond,
                    examples_per_second = r.ExamplesPerSecond,
                    gflop_per_second = r.GflopPerSecond,
                    fraction_of_peak = r.FractionOfPeak,
                    peak_gflop_per_second = r.PeakGflopPerSecond,
                    flop_per_example = r.FlopPerExample,
                    repeat_seconds = r.RepeatSeconds,
                    inputs = "random",
                }, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                var ci = CultureInfo.InvariantCulture;
                o.WriteLine(string.Create(ci, $"network {net}, {options.Activation}, batch {options.Batch}, {r.Threads} thread(s), random inputs"));
                o.WriteLine(string.Create(ci, $"best of {options.Repeats} × {options.Steps} steps (after {options.WarmupSteps} warm-up):"));
                o.WriteLine(string.Create(ci, $"  steps/s     {r.StepsPerSecond,10:F1}"));
                o.WriteLine(string.Create(ci, $"  examples/s  {r.ExamplesPerSecond,10:F0}"));
                o.WriteLine(string.Create(ci, $"  GFLOP/s     {r.GflopPerSecond,10:F1}   ({r.FlopPerExample / 1e6:F2} MFLOP per example)"));
                o.WriteLine(string.Create(ci, $"  of peak     {r.FractionOfPeak,10:P1}   (peak {r.PeakGflopPerSecond:F0} GFLOP/s)"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new UserInputException($"{name} must be positive, not {value}.");
}
