namespace Glorot.Data;

/// <summary>One object of a Shapeset image, with every parameter the generator drew for it.</summary>
/// <param name="Kind">Triangle, parallelogram or ellipse.</param>
/// <param name="Grey">Its grey level (0…114 if dark, 140…255 if light).</param>
/// <param name="ScaleMajor">Scale s₀ along the base's axis, pixels (the larger of two U(0.2, 0.8)·32 draws).</param>
/// <param name="ScaleMinor">Scale s₁ ≤ s₀, pixels.</param>
/// <param name="CenterX">Translation t (image of the base polygon's centre), x in pixels.</param>
/// <param name="CenterY">Translation t, y in pixels (row direction).</param>
/// <param name="PreRotationIndex">r1 index (angle r1·2π/255) applied before the scale.</param>
/// <param name="RotationIndex">r3 index (angle r3·2π/255) applied last.</param>
/// <param name="VerticesX">Vertex x coordinates in pixels, before rasterization.</param>
/// <param name="VerticesY">Vertex y coordinates in pixels.</param>
internal sealed record ShapesetObject(
    ShapeKind Kind, byte Grey, double ScaleMajor, double ScaleMinor, double CenterX, double CenterY,
    int PreRotationIndex, int RotationIndex, IReadOnlyList<double> VerticesX, IReadOnlyList<double> VerticesY);

/// <summary>A Shapeset image before rasterization: background, objects in drawing order, and its label.</summary>
/// <param name="Background">Background grey level.</param>
/// <param name="DarkObjects">True when objects are dark (0…114) on a light background (140…255).</param>
/// <param name="Objects">The objects actually drawn, the later over the earlier.</param>
/// <param name="Rejections">Placements rejected for overlap while building this image.</param>
/// <param name="Label">Class in [0, 9), see <see cref="ShapesetClasses"/>.</param>
internal sealed record ShapesetScene(byte Background, bool DarkObjects, IReadOnlyList<ShapesetObject> Objects, int Rejections, int Label);
