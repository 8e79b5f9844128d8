namespace Glorot.Lab.Suites;

/// <summary>
/// The paper's test errors (%) on MNIST and CIFAR-10: Table 1's columns (p. 255; the caption says "deep networks with
/// 5 hidden layers") and the end points of Fig. 12's curves at 2.5·10⁷ examples (read off the plot, so approximate).
/// Keys are the suite's network names; Table 1's sigmoid row is the 5-layer network (<c>sigmoid-5</c>), as on Shapeset.
/// The Shapeset column lives with the networks (<see cref="Glorot2010Suite"/>).
/// </summary>
internal static class PaperTestErrors
{
    private static readonly Dictionary<string, double> MnistTable1 = new()
    {
        ["softsign"] = 1.64, ["softsign-n"] = 1.72, ["tanh"] = 1.76, ["tanh-n"] = 1.64, ["sigmoid-5"] = 2.21,
    };

    private static readonly Dictionary<string, double> CifarTable1 = new()
    {
        ["softsign"] = 55.78, ["softsign-n"] = 53.8, ["tanh"] = 55.9, ["tanh-n"] = 52.92, ["sigmoid-5"] = 57.28,
    };

    private static readonly Dictionary<string, double> MnistFigure12 = new()
    {
        ["softsign"] = 1.62, ["softsign-n"] = 1.72, ["tanh"] = 1.71, ["tanh-n"] = 1.67, ["sigmoid-5"] = 2.12,
    };

    private static readonly Dictionary<string, double> CifarFigure12 = new()
    {
        ["softsign"] = 55.9, ["softsign-n"] = 53.7, ["tanh"] = 55.8, ["tanh-n"] = 52.9, ["sigmoid-5"] = 57.2,
    };

    /// <summary>Table 1's value for network <paramref name="network"/> in column "MNIST" or "CIFAR-10"; null where it has none.</summary>
    public static double? Table1(string column, string network) => Lookup(column == "MNIST" ? MnistTable1 : column == "CIFAR-10" ? CifarTable1 : null, network);

    /// <summary>The end of network <paramref name="network"/>'s curve in Fig. 12's panel "MNIST" or "CIFAR-10"; null where it has none.</summary>
    public static double? Figure12(string column, string network) => Lookup(column == "MNIST" ? MnistFigure12 : column == "CIFAR-10" ? CifarFigure12 : null, network);

    /// <summary>Fig. 12's curve ends of panel <paramref name="column"/> in words, for the figure's "paper" text.</summary>
    public static string Figure12Text(string column)
    {
        var ends = column == "MNIST" ? MnistFigure12 : CifarFigure12;
        return $"Fig. 12 ({column}) at 2.5·10⁷ examples: " + string.Join(", ", ends.OrderBy(e => e.Value).Select(e => $"{Label(e.Key)} ≈{e.Value:0.##} %")) +
            (column == "MNIST" ? " (y axis 1.5–3 %)." : " (y axis 52–65 %).");
    }

    /// <summary>Table 1's column <paramref name="column"/> in words (all five rows).</summary>
    public static string Table1Text(string column)
    {
        var values = column == "MNIST" ? MnistTable1 : CifarTable1;
        return $"Table 1, {column}: " + string.Join(", ", values.Select(e => $"{Label(e.Key)} {e.Value:0.00} %")) + " (Sigmoid: 5 hidden layers, per the caption).";
    }

    private static string Label(string network) => network switch
    {
        "softsign" => "Softsign", "softsign-n" => "Softsign N", "tanh" => "Tanh", "tanh-n" => "Tanh N", _ => "Sigmoid",
    };

    private static double? Lookup(Dictionary<string, double>? values, string network) =>
        values is not null && values.TryGetValue(network, out double v) ? v : null;
}
