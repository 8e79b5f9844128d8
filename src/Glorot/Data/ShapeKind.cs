namespace Glorot.Data;

/// <summary>The three object categories of Shapeset-3×2, in the generator's order (its <c>n_vert_list</c>).</summary>
internal enum ShapeKind
{
    /// <summary>A general triangle: a regular 3-gon under pre-rotation, anisotropic scale and rotation.</summary>
    Triangle = 0,

    /// <summary>A general parallelogram: a square under the same maps.</summary>
    Parallelogram = 1,

    /// <summary>An ellipse, drawn as a 20-vertex polygon (Glorot's 32×32 setting).</summary>
    Ellipse = 2,
}
