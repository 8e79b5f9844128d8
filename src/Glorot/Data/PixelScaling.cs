namespace Glorot.Data;

/// <summary>How 8-bit pixels become network inputs. The paper states none (its §2); these are the choices
/// seen in Glorot's own code (<c>glorotxa/Shapeset simpleexemple.py</c>, <c>glorotxa/DeepANN</c>;
/// docs/DATASETS.md "Normalization").</summary>
public enum PixelScaling
{
    /// <summary>v / 255 ∈ [0, 1]: Glorot's DeepANN Shapeset config (<c>neg: False</c>) and his CIFAR-10 loader.</summary>
    ZeroOne,

    /// <summary>2·v / 255 − 1 ∈ [−1, 1]: the Shapeset example script (<c>neg: True</c>).</summary>
    MinusOneOne,

    /// <summary>(v / 255 − μ) / σ with one μ and σ over all pixels of the training split (not the paper's).</summary>
    Standardize,
}
