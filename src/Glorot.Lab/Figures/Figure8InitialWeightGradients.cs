using Glorot.Lab.Runs;

namespace Glorot.Lab.Figures;

/// <summary>Fig. 8: densities of the weight gradients just after initialization, standard vs normalized.</summary>
internal static class Figure8InitialWeightGradients
{
    /// <summary>Draws one panel (one initialization) from the run's first probe.</summary>
    public static FigureFile Draw(RunDirectory run, string directory, string init, string paper) =>
        HistogramFigure.Draw(run, directory, $"fig8-weight-gradients-init-{init}", "Figure 8", $"Fig. 8 — weight gradients at init, {init}",
            "weight_gradient", atEnd: false,
            "Density of the per-example weight gradients ∂(−log P(y|x))/∂W of the weights into each hidden layer at initialization, pooled over the first probe examples (tanh, 5 layers).", paper, theory: true);
}
