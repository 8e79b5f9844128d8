using Glorot.Lab.Runs;

namespace Glorot.Lab.Figures;

/// <summary>Fig. 7: densities of the back-propagated gradients ∂Cost/∂s (per example) at initialization, standard vs normalized.</summary>
internal static class Figure7InitialBackpropGradients
{
    /// <summary>Draws one panel (one initialization) from the run's first probe.</summary>
    public static FigureFile Draw(RunDirectory run, string directory, string init, string paper) =>
        HistogramFigure.Draw(run, directory, $"fig7-backprop-init-{init}", "Figure 7", $"Fig. 7 — back-propagated gradients at init, {init}",
            "backprop_gradient", atEnd: false, "Density of each hidden layer's per-example ∂(−log P(y|x))/∂s at initialization (tanh, 5 layers).", paper, theory: true);
}
