using Glorot.Lab.Runs;

namespace Glorot.Lab.Figures;

/// <summary>
/// Fig. 4: normalized histogram (density) of the activation values at the end of learning, pooled over the units
/// of each layer and the fixed probe examples.
/// </summary>
internal static class Figure4FinalHistograms
{
    /// <summary>Draws the figure for one run at its last probe.</summary>
    public static FigureFile Draw(RunDirectory run, string directory, string id, string title, string paper) =>
        HistogramFigure.Draw(run, directory, id, "Figure 4", title, "activation", atEnd: true,
            "Density of each hidden layer's activation values at the last probe (end of this run's training).", paper);
}
