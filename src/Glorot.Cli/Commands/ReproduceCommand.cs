using System.CommandLine;
using System.Globalization;
using Glorot.Lab.Experiments;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;

namespace Glorot.Cli.Commands;

/// <summary>
/// <c>glorot reproduce glorot2010 [--profile P] [--out DIR] [--resume] [--seed S] [--seeds N] [--width W]
/// [--learning-rates R,…] [--jobs J] [--only NAME,…] [--shard i/n] [--stage S] [--list] [--export-specs DIR]
/// [--dataset shapeset|mnist|fashion-mnist|cifar10 [--path DIR]]</c>:
/// trains the paper's networks, draws its figures and Table 1, and writes one self-contained HTML report.
/// </summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var suite = new Argument<string?>("suite")
        {
            Description = $"the experiments to reproduce: {Glorot2010Suite.Name} (Glorot & Bengio 2010), " +
                          string.Join(", ", ExperimentSuites.All.Select(s => s.Name)) + " (the source texts' experiments); --list without a suite lists them all",
            Arity = ArgumentArity.ZeroOrOne,
        };
        // The lab reads the names (SuiteProfiles); a name it does not know is the user's.
        var profile = CheckedOption.Parsed("--profile",
            "quick (the default): the paper's networks for a few thousand updates each, about 1–2 minutes on 2 idle cores, a " +
            "reduced-scale reproduction; medium: the paper's networks for 160k updates (500k for tanh) with the " +
            "learning rate chosen on validation error, about an hour on 2 idle cores; narrow: the paper's whole protocol " +
            "(2.5 M updates, learning-rate search) at hidden width 128, about 40 minutes with --jobs 2; full: the paper's protocol " +
            "(2.5 M updates per network, hours each; checkpoints every 20k updates, continue with --resume)",
            text => UserInput.Check(() => SuiteProfiles.Parse(text)));
        var output = new Option<string?>("--out") { Description = "output directory (default: glorot2010-PROFILE)" };
        var resume = new Option<bool>("--resume") { Description = "continue the runs in --out from their latest checkpoints (bit-identical to an uninterrupted run)" };
        var force = new Option<bool>("--force") { Description = "start over runs already in --out (deletes their results)" };
        var keep = new Option<bool>("--keep-checkpoints")
        {
            Description = "keep each completed run's final weights (checkpoints/, about 20 MB per 1000-wide network); by default they are " +
                          "deleted when the run completes, so the output holds results only and a finished run cannot be extended",
        };
        var tensorboard = TensorBoardOption.Create();
        var seed = new Option<ulong>("--seed") { Description = "seed of the initial weights and of the training stream", DefaultValueFactory = _ => 1 };
        var seeds = new Option<int>("--seeds") { Description = "train every network with N seeds (--seed, --seed+1, …); Table 1 and Fig. 11 show mean ± std", DefaultValueFactory = _ => 1 };
        var width = new Option<int?>("--width") { Description = "hidden width instead of the profile's (1000 for quick, medium, full; 128 for narrow)" };
        var rates = CheckedOption.Create("--learning-rates",
            "comma-separated learning rates every network chooses from on validation error (one rate: that rate, no choice); " +
            "default: the profile's (quick, full: fixed 0.1 sigmoid, 0.01 others; medium, narrow: a half-decade grid)",
            text => UserInput.Check(() => LearningRateGrid.Parse(text)));
        // A list in one token (comma-separated): a second token is the next argument, not another value.
        rates.Arity = ArgumentArity.ExactlyOne;
        var jobs = new Option<int?>("--jobs")
        {
            Description = "runs trained at once, each on its own thread, the cores divided among them (default: one per core; " +
                          "measured on 2 loaded cores, 2 jobs of 1 thread took half the time of 1 job of 2 threads)",
        };
        var only = CheckedOption.Create("--only", "train only these networks or runs (NAME[,NAME…]: tanh, tanh@seed=2, tanh@lr=0.01)",
            text => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        only.Arity = ArgumentArity.ExactlyOne;
        var shard = CheckedOption.Create("--shard", "train only shard i of n (0-based, balanced by estimated cost); gather the shards with glorot report",
            text => UserInput.Check(() => SuiteShard.Parse(text)));
        var stage = CheckedOption.Parsed("--stage",
            "all (default), selection (every learning-rate candidate up to the budget) or final (choose, then train the winners to the end); " +
            "shards of a suite with learning-rate selection run one stage at a time",
            text => UserInput.Check(() => SuiteProfiles.ParseStage(text)));
        var list = new Option<bool>("--list") { Description = "print every run (name, spec digest, updates, estimated cost) and train nothing" };
        var profileTime = new Option<bool>("--profile-time")
        {
            Description = "at the end, print where the time went (training steps, data, evaluation, probes, Jacobians, checkpoints, " +
                          "figures, report; summed over the runs' timings.csv) and write it to OUT/timings.csv",
        };
        var dataset = new Option<string>("--dataset")
        {
            Description = "the data set the networks train on: shapeset (the paper's Shapeset-3×2, generated, the default), mnist or cifar10 " +
                          "(Table 1's other columns and Fig. 12; need --path) or fashion-mnist (a stand-in the paper never used; Debian's " +
                          "dataset-fashion-mnist package, or --path)",
            DefaultValueFactory = _ => "shapeset",
        };
        var dataPath = new Option<string?>("--path") { Description = "directory of the data set's files (MNIST or Fashion-MNIST IDX files, CIFAR-10 binary batches)" };
        var export = new Option<string?>("--export-specs") { Description = "write every run's spec as DIR/NAME.json (glorot train accepts each unchanged) and train nothing" };
        var command = new Command("reproduce",
            "Reproduce a paper's experiments: train its networks, draw its figures (PNG, SVG and CSV) and Table 1, and write " +
            "one self-contained HTML report with the paper's values beside the measured ones. No download needed.")
        {
            suite, profile, output, resume, force, keep, tensorboard, seed, seeds, width, rates, jobs, only, shard, stage, list, export, profileTime, dataset, dataPath,
            ThreadsOption.Create(),
        };
        command.SetAction(result =>
        {
            ThreadsOption.Apply(result);
            string? name = result.GetValue(suite);
            if (name is null)
            {
                if (!result.GetValue(list)) throw new UserInputException("Name a suite to reproduce, or list them with glorot reproduce --list.");
                result.InvocationConfiguration.Output.Write(SuiteIndex.Format());
                return ExitCodes.Success;
            }
            if (ExperimentSuites.Find(name) is { } experiment)
            {
                var explicitOnly = new Option[] { resume, force, keep, seeds, width, rates, jobs, only, shard, stage, export, dataset, dataPath }
                    .Where(option => result.GetResult(option) is { Implicit: false }).Select(option => option.Name).ToList();
                if (explicitOnly.Count > 0)
                    throw new UserInputException($"{string.Join(", ", explicitOnly)} apply to {Glorot2010Suite.Name} only; {experiment.Name} takes --profile, --out, --seed, --threads and --list.");
                return ReproduceExperiment.Run(result, experiment, result.GetValue(profile) ?? SuiteProfile.Quick, result.GetValue(output), result.GetValue(seed), result.GetValue(list));
            }
            if (!string.Equals(name, Glorot2010Suite.Name, StringComparison.OrdinalIgnoreCase))
                throw new UserInputException($"Unknown suite '{name}'; use {Glorot2010Suite.Name} or " +
                    string.Join(", ", ExperimentSuites.All.Select(s => s.Name)) + " (glorot reproduce --list shows them).");
            // The lab refuses a bad data set or option combination with ArgumentException: the user's.
            var options = UserInput.Check(() => new SuiteOptions
            {
                Profile = result.GetValue(profile) ?? SuiteProfile.Quick,
                Dataset = SuiteDataset.Resolve(result.GetValue(dataset) ?? "shapeset", result.GetValue(dataPath)),
                Seed = result.GetValue(seed),
                Seeds = result.GetValue(seeds),
                Width = result.GetValue(width),
                LearningRates = CheckedOption.Given(result, rates),
                Resume = result.GetValue(resume),
                Force = result.GetValue(force),
                KeepCheckpoints = result.GetValue(keep),
                TensorBoard = result.GetValue(tensorboard),
                Jobs = result.GetValue(jobs),
                Only = CheckedOption.Given(result, only),
                Shard = CheckedOption.Given(result, shard),
                Stage = result.GetValue(stage) ?? SuiteStage.All,
            });
            var plan = UserInput.Check(() => SuitePlan.Of(options)); // validates every option before anything is written
            var o = result.InvocationConfiguration.Output;
            if (result.GetValue(list))
            {
                o.Write(SuiteListing.Format(plan));
                return ExitCodes.Success;
            }
            if (result.GetValue(export) is { } exportDir)
            {
                UserInput.Check(() => RunPaths.CheckDirectory(exportDir, "--export-specs")); // a DIR that is, or is under, a file
                var paths = SuiteListing.ExportSpecs(plan, exportDir);
                o.WriteLine($"wrote {paths.Count} run specs to {Path.GetFullPath(exportDir)} (glorot train DIR/NAME.json --out runs/NAME)");
                return ExitCodes.Success;
            }
            string dir = result.GetValue(output) ?? options.DefaultOutDirectory;
            o.WriteLine(SuiteProfiles.Expectation(options.Profile));
            if (!options.Dataset.IsShapeset)
                o.WriteLine($"data set: {options.Dataset.Title} in {options.Dataset.Path}" + (options.Dataset.IsStandIn
                    ? " (a stand-in: the paper has no Fashion-MNIST; the report shows its MNIST values as the closest reference)."
                    : $" (Table 1's {options.Dataset.PaperColumn} column and Fig. 12)."));
            string part = options.IsPartial
                ? string.Create(CultureInfo.InvariantCulture, $"; this invocation: stage {options.Stage.ToString().ToLowerInvariant()}, {plan.Tasks(SuiteStage.Selection).Count} selection and {plan.Tasks(SuiteStage.Final).Count} final task(s)")
                : "";
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{plan.AllRuns.Count()} runs, hidden width {plan.Networks[0].Spec.Hidden[0]}, {plan.Seeds.Count} seed(s), {options.JobCount} job(s) × {options.ThreadsPerRun} thread(s){part}."));
            // SuiteRunner.Prepare refuses a stage/shard combination, and a run that --out cannot take (a run already
            // there without --resume, another spec), before anything is written: the user's options. The work is not.
            var prepared = UserInput.Check(() => SuiteRunner.Prepare(options, dir));
            // The tiny profile (tests) trains for less time than the check takes.
            var forecast = options.Profile != SuiteProfile.Tiny ? SuiteForecast.Of(prepared) : null;
            if (forecast is not null) PrintForecast(forecast, options.Resume, o, result.InvocationConfiguration.Error);
            using var stop = StopSignals.Listen();
            try
            {
                var outcome = SuiteProgressDisplay.Run(o, "glorot2010", progress => prepared.Run(progress, stop.Token,
                    line => result.InvocationConfiguration.Error.WriteLine($"glorot: note: {line}")), forecast?.Work);
                foreach (var run in outcome.Runs.Where(r => r.Divergence is not null))
                    o.WriteLine($"run {run.Name} diverged at update {run.Divergence!.FailedUpdate} (layer {run.Divergence.Layer ?? "none"}); last good checkpoint at {run.Divergence.LastCheckpointStep?.ToString() ?? "none"}.");
                o.WriteLine(outcome.Report.Length > 0
                    ? $"done in {outcome.Seconds / 60:F1} min; report: {Path.GetFullPath(outcome.Report)}"
                    : $"done in {outcome.Seconds / 60:F1} min; part of the suite in {Path.GetFullPath(dir)}: gather the parts with glorot report DIR [DIR…] --out OUT");
                if (result.GetValue(profileTime))
                {
                    var (rows, path) = SuiteTimings.Write(outcome, dir);
                    o.WriteLine($"where the time went ({Path.GetFullPath(path)}):");
                    o.Write(SuiteTimings.Format(rows, outcome.Seconds));
                }
                return ExitCodes.Success;
            }
            catch (OperationCanceledException ex)
            {
                string data = options.Dataset.IsShapeset ? "" : $" --dataset {options.Dataset.Name} --path {options.Dataset.Path}";
                result.InvocationConfiguration.Error.WriteLine($"glorot: {ex.Message} (glorot reproduce glorot2010 --profile {options.ProfileName}{data} --out {dir} --resume)");
                return stop.ExitCode;
            }
        });
        return command;
    }

    // The start line's prediction from a second's speed check on this CPU, and a warning when other work loads it.
    private static void PrintForecast(SuiteForecast forecast, bool resume, TextWriter output, TextWriter error)
    {
        var check = forecast.Check;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed check: {check.Describe()}; predicted training time {forecast.Seconds / 60:F1} min{(resume ? " for all runs (less what --out already holds)" : "")}, figures and report not counted."));
        if (check.Busy)
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"glorot: warning: this machine is busy (load {check.Load:F1} on {check.Cores} cores): the runs share the cores with other work and will take longer than predicted."));
    }
}
