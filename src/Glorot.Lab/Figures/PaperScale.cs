using System.Globalization;

namespace Glorot.Lab.Figures;

/// <summary>The paper's time units and the number formats of the claims table.</summary>
internal static class PaperScale
{
    /// <summary>The x axis of Figs. 2, 3, 9, 10: "epochs of 20k mini-batch updates".</summary>
    public const long Epoch = 20_000;

    /// <summary>Length of the paper's training runs: 25 M examples = 2.5 M updates of 10 (Fig. 11, Table 1).</summary>
    public const long TrainingUpdates = 2_500_000;

    /// <summary>Chance: always answering the most frequent Shapeset-3×2 class (singles are 1/6 each) errs 5/6 of the time.</summary>
    public const double ChanceError = 5.0 / 6;

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>"12,000 (0.6 ep)".</summary>
    public static string Updates(long step) => $"{step.ToString("N0", Ci)} ({(step / (double)Epoch).ToString("0.##", Ci)} ep)";

    /// <summary>A number with three significant digits.</summary>
    public static string G(double x) => x.ToString("G3", Ci);

    /// <summary>Per-layer values joined by slashes, layer 1 first.</summary>
    public static string Layers(IEnumerable<double> values) => string.Join("/", values.Select(G));

    /// <summary>A fraction as a percentage with one decimal.</summary>
    public static string Percent(double fraction) => (100 * fraction).ToString("F1", Ci) + " %";
}
