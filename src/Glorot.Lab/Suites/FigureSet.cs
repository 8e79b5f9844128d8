using Glorot.Lab.Figures;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>Every figure of the glorot2010 suite, drawn from its run directories into OUT/figures.</summary>
internal static class FigureSet
{
    /// <summary>Draws all figures from the runs of <paramref name="layout"/>; returns them in the paper's order.</summary>
    public static List<FigureFile> DrawAll(SuiteLayout layout, string outDirectory)
    {
        string figures = Path.Combine(outDirectory, "figures");
        RunDirectory Run(string name) => layout.Primary(name) ?? throw new FileNotFoundException($"The suite has no finished run of '{name}'.");
        // Figures 2–10 need these runs; a gathered suite missing one (named in the report) still gets Fig. 11.
        string[] needed = ["sigmoid", "tanh", "tanh-n", "softsign"];
        var list = needed.Any(n => layout.Primary(n) is null) ? [] : new List<FigureFile?>
        {
            Figure2SigmoidActivations.Draw(Run("sigmoid"), figures),
            Figure3Saturation.Draw(Run("tanh"), figures, "fig3-tanh-saturation", "Figure 3", "Fig. 3 (top) — tanh, standard init",
                "98-percentiles reach ±1 layer after layer: layer 1 at ≈epoch 4 (80k updates), layer 5 at ≈epoch 90; at epoch 0 layer 1 std ≈0.3, percentiles ≈±0.7."),
            Figure3Saturation.Draw(Run("softsign"), figures, "fig3-softsign-saturation", "Figure 3", "Fig. 3 (bottom) — softsign, standard init",
                "Percentiles quickly ≈±0.8–0.9 for layers 1–4, std ≈0.5–0.55 (layer 5 ≈0.28): all layers saturate less and together."),
            IfHistograms(Run("tanh"), run => Figure4FinalHistograms.Draw(run, figures, "fig4-tanh-final-histograms", "Fig. 4 (top) — tanh activations at the end",
                "After ≈2 M updates: spikes at ±1 for the lower layers; layer 5 peaks ≈2.8 at 0.")),
            IfHistograms(Run("softsign"), run => Figure4FinalHistograms.Draw(run, figures, "fig4-softsign-final-histograms", "Fig. 4 (bottom) — softsign activations at the end",
                "After ≈2 M updates: modes near the knees ±(0.6–0.8); layer 5 peaks ≈2.7 at 0.")),
            Figure5CostSurface.Draw(figures),
            IfHistograms(Run("tanh"), run => Figure6InitialActivations.Draw(run, figures, "standard", "Peaks ≈1.3/2.5/4.3/7.8/13.7 for layers 1–5: the 0-peak grows with depth.")),
            IfHistograms(Run("tanh-n"), run => Figure6InitialActivations.Draw(run, figures, "normalized", "All layers peak at ≈1.3–1.5. Here layer 1 is wider (std ≈0.44, peak ≈0.9), as eq. 16 and the mean field predict for these inputs: claim 6.")),
            IfHistograms(Run("tanh"), run => Figure7InitialBackpropGradients.Draw(run, figures, "standard", "x ±0.2; peaks ≈85/42/22/13/7.5 for layers 1–5: gradients shrink going down.")),
            IfHistograms(Run("tanh-n"), run => Figure7InitialBackpropGradients.Draw(run, figures, "normalized", "x ≈±0.3; all layers peak ≈7–9. Here the top layer matches and the lower ones are narrower (each tanh layer scales δ's variance by E[f′²] < 1): claim 7.")),
            IfHistograms(Run("tanh"), run => Figure8InitialWeightGradients.Draw(run, figures, "standard", "x ±0.025; peaks ≈265–275 (layers 2–5), ≈225 (layer 1): about the same in all layers. Peaks of a per-example gradient density depend on the bins (claim 8); compare stds.")),
            IfHistograms(Run("tanh-n"), run => Figure8InitialWeightGradients.Draw(run, figures, "normalized", "x ≈±0.15; peaks ≈40–42, ≈35 (layer 1).")),
            Figure9WeightGradientStd.Draw(Run("tanh"), figures, "standard", "Epoch 0: all ≈0.004; later larger in lower layers (≈0.05 layer 1 … 0.015 layer 5). Here update 0 gives ≈0.0021: the paper's first point is not Fig. 8's quantity at update 0 (claim 9)."),
            Figure9WeightGradientStd.Draw(Run("tanh-n"), figures, "normalized", "Epoch 0: all ≈0.015; later ≈0.045 (layer 1) … 0.027 (layer 5): closer together."),
            Figure3Saturation.Draw(Run("tanh-n"), figures, "fig10-tanh-normalized-saturation", "Figure 10", "Fig. 10 — tanh, normalized init",
                "Epoch 0: std ≈0.3 and percentiles ≈±0.7 in all layers; percentiles at ±1 in all layers from ≈epoch 4; like softsign."),
        }.OfType<FigureFile>().ToList();
        // Runs gathered from before the probes recorded n·Var(W) have no conditions to draw.
        if (list.Count > 0 && ConditionsOverTraining.Recorded(Run("tanh")) && ConditionsOverTraining.Recorded(Run("tanh-n")))
        {
            list.Add(ConditionsOverTraining.Draw(Run("tanh"), figures, "standard"));
            list.Add(ConditionsOverTraining.Draw(Run("tanh-n"), figures, "normalized"));
        }
        var curves = layout.Networks.Select(r => (r.Label, (IReadOnlyList<RunDirectory>)[.. layout.AllSeeds(r.Spec.Name).OfType<RunDirectory>()]))
            .Where(c => c.Item2.Count > 0).ToList();
        var data = layout.Networks.Count > 0 ? SuiteDataset.Named(layout.Networks[0].Spec.Dataset.ToLowerInvariant(), layout.Networks[0].Spec.DataPath) : SuiteDataset.Shapeset;
        string paper = data.Name switch
        {
            "shapeset" => "At 25 M examples: Sigmoid depth 5 ≈83.5 % (flat), Sigmoid depth 4 ≈35 % (flat until ≈6.5 M examples), Tanh ≈27–28 %, Softsign ≈17 %, Softsign N ≈16.5–17 %, Tanh N ≈16 %.",
            "fashion-mnist" => "The paper has no Fashion-MNIST. Closest reference, its MNIST panel: " + PaperTestErrors.Figure12Text("MNIST"),
            _ => PaperTestErrors.Figure12Text(data.PaperColumn!),
        };
        list.Add(Figure11TestError.Draw(curves, figures, paper, data));
        return list;
    }

    /// <summary>
    /// The runs among those Figs. 4, 6–8 are drawn from that have no probe_histograms.csv: published results
    /// (docs/results/publish.sh) leave the histogram tables behind on purpose, so <c>glorot report</c> on such a folder
    /// draws every other figure and the report names these.
    /// </summary>
    public static IReadOnlyList<string> RunsWithoutHistograms(SuiteLayout layout) =>
        [.. HistogramRuns.Where(n => layout.Primary(n) is { } run && !HasHistograms(run))];

    private static readonly string[] HistogramRuns = ["tanh", "tanh-n", "softsign"];

    private static bool HasHistograms(RunDirectory run) => File.Exists(run.Histograms);

    // A histogram figure of a run, or null when the run's histogram table is not there (RunsWithoutHistograms).
    private static FigureFile? IfHistograms(RunDirectory run, Func<RunDirectory, FigureFile> draw) => HasHistograms(run) ? draw(run) : null;
}
