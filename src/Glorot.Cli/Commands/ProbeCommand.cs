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
            Description = $"hidden activation: {string.Join(", ", Activation.Names)} (leaky-relu:A, elu:ALPHA)",
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
            var f = Activation.Parse(result.GetValue(activation) ?? "tanh");
            var hiddenWidths = Mlp.ParseHiddenWidths(result.GetValue(hidden) ?? "");
            if (hiddenWidths.Length == 0) throw new ArgumentException("--hidden must name at least one hidden layer, e.g. 1000x5.");
            int n = result.GetValue(examples);
            if (n <= 0) throw new ArgumentException($"--examples is {n}; it must be positive.");
            int jacobians = result.GetValue(jacobianExamples);
            if (result.GetValue(jacobian) && (jacobians <= 0 || jacobians > n))
                throw new ArgumentException($"--jacobian-examples {jacobians} must be between 1 and --examples ({n}): the Jacobians are taken at probe examples.");
            var (x, y, inputWidth, classCount, source) = LoadProbeSet(result.GetValue(dataset) ?? "shapeset", result.GetValue(path),
                ParseScaling(result.GetValue(scaling)), n, result.GetValue(inputs), result.GetValue(classes), result.GetValue(seed));
            RequireMemory([inputWidth, .. hiddenWidths, classCount], n);
            string initName = result.GetValue(init) ?? "standard";
            bool lsuv = Lsuv.IsLsuv(initName);
            if (lsuv && result.GetValue(outputInit) is not null)
                throw new ArgumentException("--init lsuv rescales every layer, the output layer too; drop --output-init.");
            var hiddenInit = lsuv ? null : Schemes.Create(initName);
            var topInit = lsuv ? null : Schemes.Create(result.GetValue(outputInit) ?? initName);
            int[] widths = [inputWidth, .. hiddenWidths, classCount];
            var mlp = new Mlp(widths, f);
            ulong weightSeed = result.GetValue(seed);
            LsuvRecord? lsuvRecord = null;
            if (lsuv)
            {
                var lsuvOptions = new LsuvOptions(result.GetValue(lsuvBatch), result.GetValue(lsuvTolerance), result.GetValue(lsuvIterations));
                lsuvOptions.Validate();
                if (lsuvOptions.BatchSize > n)
                    throw new ArgumentException($"--lsuv-batch {lsuvOptions.BatchSize} is more than the {n} probe examples; use --lsuv-batch ≤ {n} or more --examples.");
                mlp.Initialize(Lsuv.PreInitialization, weightSeed);
                lsuvRecord = Lsuv.Apply(mlp, x.AsSpan(0, lsuvOptions.BatchSize * inputWidth), lsuvOptions.BatchSize, lsuvOptions);
            }
            else
                mlp.Initialize((w, fanOut, fanIn, s, stream) =>
                    ((int)stream == widths.Length - 2 ? topInit! : hiddenInit!).Fill(w, [fanOut, fanIn], s, stream), weightSeed);

            var options = new ProbeOptions
            {
                Bins = result.GetValue(bins),
                JacobianExamples = result.GetValue(jacobian) ? result.GetValue(jacobianExamples) : 0,
            };
            var output = result.InvocationConfiguration.Output;
            var record = Measuring(output, options.JacobianExamples, widths.Length - 2, () => new NetworkProbe(mlp, options).Measure(x, y));
            // LSUV's weights depend on the data: the theory takes their actual second moments.
            double[] variances;
            if (lsuv) variances = NetworkTheory.WeightVariances(mlp);
            else
            {
                variances = NetworkTheory.WeightVariances(hiddenInit!, widths);
                variances[^1] = NetworkTheory.WeightVariances(topInit!, widths)[^1];
            }
            var report = ProbeReport.Build(record, widths, variances, f, source, hiddenInit?.Scheme ?? "lsuv", topInit?.Scheme ?? "lsuv") with { Lsuv = lsuvRecord };
            if (result.GetValue(csv) is { } dir) ProbeCsv.Write([record], dir);
            if (result.GetValue(json)) output.WriteLine(ProbeReport.Json(report));
            else ProbeReport.Print(report, output, result.GetValue(wide));
            return 0;
        });
        return command;
    }

    // With Jacobians the probe takes seconds per layer and example: on a terminal a spinner says so, instead of a
    // silent wait; logs and --json output get nothing (the result is printed after).
    // --scaling takes the run spec's input_scaling names (one table, PixelScalingNames); the error names the option.
    private static PixelScaling ParseScaling(string? name)
    {
        try
        {
            return PixelScalingNames.Parse(name ?? "zero-one");
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"probe: --scaling {ex.Message}", ex);
        }
    }

    private static ProbeRecord Measuring(TextWriter output, int jacobianExamples, int layers, Func<ProbeRecord> measure)
    {
        bool interactive = ProgressDisplay.IsInteractive(output);
        if (jacobianExamples == 0 || !interactive) return measure();
        return AnsiConsole.Status().Start(
            Markup.Escape($"probing, with the Jacobians of {layers} layer(s) × {jacobianExamples} example(s), each about 2 s at width 1000 on an idle machine…"),
            _ => measure());
    }

    // The network, and the probe's s, z and dL/ds of every layer over the n examples (NetworkProbe), before any is allocated.
    private static void RequireMemory(int[] widths, int n)
    {
        double parameters = TrainingMemory.Parameters(widths);
        if (parameters > Array.MaxLength)
            throw new ArgumentException($"The network {string.Join("-", widths)} has {parameters:G4} parameters; one array holds at most {Array.MaxLength:N0}. Use narrower layers.");
        MemoryBudget.Require(sizeof(float) * (2 * parameters + TrainingMemory.BatchFloats(widths, n)), $"Probing {string.Join("-", widths)} on {n} examples");
    }

    private static (float[] X, int[] Y, int Inputs, int Classes, string Source) LoadProbeSet(string name, string? path,
        PixelScaling scaling, int n, int inputs, int classes, ulong seed)
    {
        if (name.Trim().ToLowerInvariant() == "gaussian")
        {
            if (inputs <= 0 || classes <= 1) throw new ArgumentException("--inputs must be positive and --classes at least 2.");
            // Checked in 64 bits before the inputs are drawn: n × inputs floats in one array.
            if ((long)n * inputs > Array.MaxLength)
                throw new ArgumentException($"--examples {n} × --inputs {inputs} = {(long)n * inputs:N0} inputs, more than one array holds ({Array.MaxLength:N0}); use fewer.");
            MemoryBudget.Require(sizeof(float) * (double)n * inputs, $"{n} gaussian examples of {inputs} inputs");
            // Stream 1000 of the seed: apart from the weight streams (one per layer).
            var random = new RandomStream(seed, 1000);
            var gx = new float[(long)n * inputs];
            for (int i = 0; i < gx.Length; i++) gx[i] = (float)random.NextGaussian();
            var gy = new int[n];
            for (int i = 0; i < n; i++) gy[i] = random.NextInt(classes);
            return (gx, gy, inputs, classes, $"gaussian N(0,1), {n} examples");
        }
        var test = DatasetCatalog.Open(name, new DatasetOptions(path, scaling)).Test;
        if (test.Count < n) throw new ArgumentException($"{test.Name} has {test.Count} examples; --examples asks for {n}.");
        var x = new float[(long)n * test.InputSize];
        var y = new int[n];
        var indices = new long[n];
        for (int i = 0; i < n; i++) indices[i] = i;
        test.Fill(indices, x, y);
        return (x, y, test.InputSize, test.ClassCount, $"{test.Name}, first {n} examples");
    }
}
