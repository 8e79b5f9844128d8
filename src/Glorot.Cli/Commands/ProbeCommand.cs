using System.CommandLine;
using Glorot.Data;
using Glorot.Init;
using Glorot.Lab.Runs;
using Glorot.Nn;
using Glorot.Probes;
using Glorot.Random;
using Glorot.Theory;
using Spectre.Console;

namespace Glorot.Cli.Commands;

/// <summary>
/// <c>glorot probe</c>: builds a network, probes it at initialization on the first N test examples, and prints per
/// hidden layer what was measured beside what the theory predicts (Glorot &amp; Bengio 2010 §4.2; mean field).
/// </summary>
internal static class ProbeCommand
{
    public static Command Create()
    {
        var activation = new Option<string>("--activation")
        {
            Description = $"hidden activation: {ActivationRegistry.Help}",
            DefaultValueFactory = _ => "tanh",
        };
        var init = new Option<string>("--init")
        {
            Description = "weight initializer of every layer: standard (eq. 1), normalized = xavier-uniform (eq. 16), he-normal, … (see `glorot init --list`), " +
                "or lsuv (Mishkin & Matas 2016: orthogonal, then every layer rescaled to unit output variance on the first --lsuv-batch probe examples)",
            DefaultValueFactory = _ => "standard",
        };
        var outputInit = new Option<string?>("--output-init") { Description = "initializer of the output (softmax) layer; default: as --init" };
        var hidden = new Option<string>("--hidden")
        {
            Description = "hidden widths: WIDTHxCOUNT or a comma list (1000x5 = the paper's deepest network)",
            DefaultValueFactory = _ => "1000x5",
        };
        var dataset = new Option<string>("--dataset")
        {
            Description = $"probe data: the test split of {string.Join(", ", DatasetCatalog.Names)}, or gaussian (N(0,1) inputs, random labels)",
            DefaultValueFactory = _ => "shapeset",
        };
        var path = new Option<string?>("--path") { Description = "directory of the data set's files (mnist, fashion-mnist, cifar10)" };
        var scaling = new Option<string>("--scaling")
        {
            Description = "pixel scaling: zero-one ([0,1], default), minus-one-one ([−1,1]) or standardize (zero mean, unit variance per pixel)",
            DefaultValueFactory = _ => "zero-one",
        };
        var inputs = new Option<int>("--inputs") { Description = "input width for --dataset gaussian", DefaultValueFactory = _ => 1024 };
        var classes = new Option<int>("--classes") { Description = "classes for --dataset gaussian", DefaultValueFactory = _ => 9 };
        var examples = new Option<int>("--examples") { Description = "probe examples: the first N of the test split (the paper: 300)", DefaultValueFactory = _ => 300 };
        var seed = new Option<ulong>("--seed") { Description = "seed of the weights (layer l draws stream l) and of --dataset gaussian", DefaultValueFactory = _ => 0UL };
        var jacobian = new Option<bool>("--jacobian") { Description = "also decompose layer Jacobians diag(f′(s))·W (about 2 s per 1000-wide layer and example)" };
        var jacobianExamples = new Option<int>("--jacobian-examples") { Description = "examples whose Jacobians are decomposed", DefaultValueFactory = _ => 3 };
        var bins = new Option<int>("--bins") { Description = "histogram bins per layer and quantity", DefaultValueFactory = _ => 100 };
        var lsuvBatch = new Option<int>("--lsuv-batch") { Description = "--init lsuv: examples of the batch (the first of the probe set)", DefaultValueFactory = _ => 300 };
        var lsuvTolerance = new Option<double>("--lsuv-tolerance") { Description = "--init lsuv: Tol_var, stop at |Var − 1| below it", DefaultValueFactory = _ => 0.1 };
        var lsuvIterations = new Option<int>("--lsuv-iterations") { Description = "--init lsuv: T_max, rescalings per layer at most", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "print measured and predicted values as JSON instead of a table" };
        var wide = new Option<bool>("--wide") { Description = "one table with every column (about 150 columns wide) instead of a forward and a backward table that fit 100" };
        var csv = new Option<string?>("--csv") { Description = "also write every number (summaries and histograms) as CSV into this directory" };

        var command = new Command("probe",
            "Probe a network at initialization: per hidden layer, the activation std and 1st/99th percentiles, back-propagated " +
            "gradient std (dL/ds, per example), weight-gradient std (dL/dW, per example) and optionally the Jacobian's mean " +
            "singular value, measured on the first N test examples beside the mean-field prediction (Poole et al. 2016) and the " +
            "linear-regime prediction (Glorot & Bengio 2010, eqs. 5–7). No weight is changed.");
        foreach (var option in new Option[] { activation, init, outputInit, hidden, dataset, path, scaling, inputs, classes, examples, seed, jacobian, jacobianExamples, bins, lsuvBatch, lsuvTolerance, lsuvIterations, json, wide, csv, ThreadsOption.Create() })
            command.Options.Add(option);
        command.SetAction(result =>
        {
            ThreadsOption.Apply(result);
            int n = result.GetValue(examples), jacobians = result.GetValue(jacobianExamples);
            bool withJacobians = result.GetValue(jacobian);
            if (withJacobians && jacobians <= 0)
                throw new UserInputException($"--jacobian-examples {jacobians} must be between 1 and --examples ({n}): the Jacobians are taken at probe examples.");
            var spec = UserInput.Check(() => new InitialProbeSpec
            {
                Activation = Activation.Parse(result.GetValue(activation) ?? "tanh"),
                Hidden = Mlp.ParseHiddenWidths(result.GetValue(hidden) ?? ""),
                Init = result.GetValue(init) ?? "standard",
                OutputInit = result.GetValue(outputInit),
                Dataset = result.GetValue(dataset) ?? "shapeset",
                DataPath = result.GetValue(path),
                Scaling = ParseScaling(result.GetValue(scaling)),
                GaussianInputs = result.GetValue(inputs),
                GaussianClasses = result.GetValue(classes),
                Examples = n,
                Seed = result.GetValue(seed),
                Probe = new ProbeOptions { Bins = result.GetValue(bins), JacobianExamples = withJacobians ? jacobians : 0 },
                Lsuv = new LsuvOptions(result.GetValue(lsuvBatch), result.GetValue(lsuvTolerance), result.GetValue(lsuvIterations)),
            });
            var probe = UserInput.Check(() => InitialProbe.Prepare(spec));
            var output = result.InvocationConfiguration.Output;
            var record = Measuring(output, spec.Probe.JacobianExamples, probe.Widths.Count - 2, probe.Measure);
            var report = ProbeReport.Build(record, probe.Widths, probe.WeightVariances(), spec.Activation, probe.Source, probe.HiddenScheme, probe.OutputScheme) with { Lsuv = probe.Lsuv };
            if (result.GetValue(csv) is { } dir) ProbeCsv.Write([record], dir);
            if (result.GetValue(json)) output.WriteLine(ProbeReport.Json(report));
            else ProbeReport.Print(report, output, result.GetValue(wide));
            return ExitCodes.Success;
        });
        return command;
    }

    // --scaling takes the run spec's input_scaling names (one table, PixelScalingNames); the error names the option.
    private static PixelScaling ParseScaling(string? name)
    {
        try
        {
            return PixelScalingNames.Parse(name ?? "zero-one");
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException($"probe: --scaling {ex.Message}", ex);
        }
    }

    // With Jacobians the probe takes seconds per layer and example: on a terminal a spinner says so, instead of a
    // silent wait; logs and --json output get nothing (the result is printed after).
    private static ProbeRecord Measuring(TextWriter output, int jacobianExamples, int layers, Func<ProbeRecord> measure)
    {
        bool interactive = ProgressDisplay.IsInteractive(output);
        if (jacobianExamples == 0 || !interactive) return measure();
        return AnsiConsole.Status().Start(
            Markup.Escape($"probing, with the Jacobians of {layers} layer(s) × {jacobianExamples} example(s), each about 2 s at width 1000 on an idle machine…"),
            _ => measure());
    }
}
