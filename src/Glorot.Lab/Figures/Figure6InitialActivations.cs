using Glorot.Lab.Runs;

namespace Glorot.Lab.Figures;

/// <summary>Fig. 6: activation-value densities of a 5-layer tanh network at initialization, standard vs normalized init.</summary>
internal static class Figure6InitialActivations
{
    /// <summary>Draws one panel (one initialization) from the run's first probe.</summary>
    public static FigureFile Draw(RunDirectory run, string directory, string init, string paper) =>
        HistogramFigure.Draw(run, directory, $"fig6-activations-init-{init}", "Figure 6", $"Fig. 6 — tanh activations at init, {init}",
            "activation", atEnd: false, "Density of each hidden layer's tanh outputs at initialization, on the fixed probe examples.", paper, theory: true);
}
