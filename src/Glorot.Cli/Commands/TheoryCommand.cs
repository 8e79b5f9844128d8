using System.CommandLine;
using Glorot.Init;
using Glorot.Nn;
using Glorot.Theory;

namespace Glorot.Cli.Commands;

/// <summary>
/// <c>glorot theory</c>: what the theory predicts for a network at initialization, without data — per hidden layer the
/// mean-field q-map (Poole et al. 2016) beside the linear regime (Glorot &amp; Bengio 2010 eqs. 5–7), χ₁ and the depth
/// scales ξ_q, ξ_c (Schoenholz et al. 2017). <c>glorot theory critical</c> finds the edge of chaos.
/// </summary>
internal static class TheoryCommand
{
    public static Command Create()
    {
        var activation = new Option<string>("--activation")
        {
            Description = $"hidden activation: {ActivationRegistry.Help}",
            DefaultValueFactory = _ => "tanh",
        };
        var init = new Option<string?>("--init") { Description = "weight initializer of every layer (see `glorot init --list`); default standard (eq. 1) unless --sigma-w" };
        var sigmaW = new Option<double?>("--sigma-w") { Description = "instead of --init: W ~ N(0, σ_w²/fan-in) in every layer" };
        var sigmaB = new Option<double>("--sigma-b") { Description = "bias std σ_b (the engine's biases start at 0)", DefaultValueFactory = _ => 0 };
        var hidden = new Option<string>("--hidden")
        {
            Description = "hidden widths: WIDTHxCOUNT or a comma list (1000x5 = the paper's deepest network)",
            DefaultValueFactory = _ => "1000x5",
        };
        var inputs = new Option<int>("--inputs") { Description = "input width (Shapeset: 1024)", DefaultValueFactory = _ => 1024 };
        var classes = new Option<int>("--classes") { Description = "output width (Shapeset: 9)", DefaultValueFactory = _ => 9 };
        var inputMoment = new Option<double>("--input-second-moment") { Description = "E[x²] of the inputs", DefaultValueFactory = _ => 1 };
        var outputGradient = new Option<double>("--output-gradient-std") { Description = "std of the output layer's dL/ds (per example); the gradient columns scale with it", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "print the predictions and depth scales as JSON" };
        var csv = new Option<bool>("--csv") { Description = "print the per-layer predictions as CSV" };
        var command = new Command("theory",
            "Predict a network at initialization without data: per hidden layer the pre-activation variance q (mean-field q-map, " +
            "Poole et al. 2016), activation std and back-propagated gradient std in mean field and in the linear regime " +
            "(Glorot & Bengio 2010, eqs. 5–7), χ₁, and the depth scales ξ_q, ξ_c (Schoenholz et al. 2017).");
        foreach (var option in new Option[] { activation, init, sigmaW, sigmaB, hidden, inputs, classes, inputMoment, outputGradient, json, csv })
            command.Options.Add(option);
        command.Subcommands.Add(TheoryCriticalCommand.Create());
        command.SetAction(result =>
        {
            var f = UserInput.Check(() => Activation.Parse(result.GetValue(activation) ?? "tanh"));
            var hiddenWidths = UserInput.Check(() => Mlp.ParseHiddenWidths(result.GetValue(hidden) ?? ""));
            if (hiddenWidths.Length == 0) throw new UserInputException("--hidden must name at least one hidden layer, e.g. 1000x5.");
            int n0 = result.GetValue(inputs), classCount = result.GetValue(classes);
            if (n0 <= 0 || classCount <= 0) throw new UserInputException("--inputs and --classes must be positive.");
            double sb = CheckSigmaB(result.GetValue(sigmaB));
            double m2 = result.GetValue(inputMoment), g = result.GetValue(outputGradient);
            if (!(m2 >= 0) || !double.IsFinite(m2)) throw new UserInputException($"--input-second-moment is {m2}; it must be finite and ≥ 0.");
            if (!(g >= 0) || !double.IsFinite(g)) throw new UserInputException($"--output-gradient-std is {g}; it must be finite and ≥ 0.");
            int[] widths = [n0, .. hiddenWidths, classCount];
            NetworkReport report;
            if (result.GetValue(sigmaW) is { } sw)
            {
                if (result.GetValue(init) is not null) throw new UserInputException("Give either --init or --sigma-w, not both.");
                CheckSigmaW(sw);
                // The theory refuses a q-map that leaves the doubles (a σ_w too large for the depth): the user's numbers.
                report = UserInput.Check(() => NetworkReport.Of(sw, widths, f, sb * sb, m2, g));
            }
            else
            {
                var initializer = UserInput.Check(() => Schemes.Create(result.GetValue(init) ?? "standard"));
                report = UserInput.Check(() => NetworkReport.Of(initializer, widths, f, sb * sb, m2, g));
            }
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json)) output.WriteLine(TheoryReport.Json(report));
            else if (result.GetValue(csv)) output.Write(report.Csv());
            else TheoryReport.Print(report, output);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void CheckSigmaW(double sigmaW)
    {
        if (!(sigmaW > 0) || !double.IsFinite(sigmaW))
            throw new UserInputException($"--sigma-w is {sigmaW}; it must be finite and > 0 (σ_w² = fan-in·Var[W], e.g. --sigma-w 1).");
    }

    internal static double CheckSigmaB(double sigmaB)
    {
        if (!(sigmaB >= 0) || !double.IsFinite(sigmaB))
            throw new UserInputException($"--sigma-b is {sigmaB}; it must be finite and ≥ 0 (e.g. --sigma-b 0.05).");
        return sigmaB;
    }
}
