namespace Glorot.Data;

/// <summary>
/// Every parameter of Shapeset-3×2, the values of Xavier Glorot's own generator (<c>glorotxa/Shapeset</c>,
/// <c>simpleexemple.py</c> block "Shapeset-3*2", the same in <c>glorotxa/DeepANN exp_scripts/Curridata.conf</c>).
/// docs/DATASETS.md explains each one and the decisions taken where the
/// generator and this port must differ.
/// </summary>
internal static class ShapesetSpec
{
    /// <summary>Images are <c>img_shape = (32, 32)</c> (the paper: "fixed to 32×32").</summary>
    public const int ImageSize = 32;

    /// <summary>1024 inputs per example.</summary>
    public const int InputSize = ImageSize * ImageSize;

    /// <summary><c>nb_poly_min = 1</c>, <c>nb_poly_max = 2</c>: the count is <c>randint(1, 3)</c>, 1 or 2 with probability ½.</summary>
    public const int MaxObjects = 2;

    /// <summary>Vertices per kind, <c>n_vert_list = [3, 4, 20]</c>: an ellipse is a 20-gon at 32×32.</summary>
    public static ReadOnlySpan<int> VertexCounts => [3, 4, 20];

    /// <summary>The largest vertex count (the ellipse's).</summary>
    public const int MaxVertices = 20;

    /// <summary>Radius of the regular base polygon (<c>n_sided</c>: points on a circle of radius 0.5).</summary>
    public const double BaseRadius = 0.5;

    /// <summary><c>scale_min = 0.2</c>: each of the two axis scales is U(0.2, 0.8)·32 pixels.</summary>
    public const double ScaleMin = 0.2;

    /// <summary><c>scale_max = 0.8</c>.</summary>
    public const double ScaleMax = 0.8;

    /// <summary><c>rotation_resolution = 255</c>: angles are k·2π/255.</summary>
    public const int RotationSteps = 255;

    /// <summary>The final rotation index is <c>randint(0, 254)</c>: one of 0…253 (rot_min 0, rot_max 1).</summary>
    public const int FinalRotationChoices = RotationSteps - 1;

    /// <summary>Translation keeps the object plus this margin (pixels) inside the image (the generator's ±1).</summary>
    public const double MarginPixels = 1.0;

    /// <summary><c>overlap_max = 0.5</c>: a new object whose estimated overlap with an earlier one exceeds this is resampled.</summary>
    public const double OverlapMax = 0.5;

    /// <summary><c>rejectionmax = 50</c>: after 50 rejections in one image, no further object is added.</summary>
    public const int RejectionMax = 50;

    /// <summary><c>inv_chance = 0.5</c>: probability of dark objects on a light background (else light on dark).</summary>
    public const double InversionChance = 0.5;

    /// <summary>Dark grey levels: <c>randint(int(0·255), 1 + int(0.45·255))</c> = 0…114.</summary>
    public const int DarkMin = 0;

    /// <summary>Largest dark level, int(0.45·255) = 114.</summary>
    public const int DarkMax = 114;

    /// <summary>Light grey levels: <c>randint(int(0.55·255), 1 + int(1.0·255))</c> = 140…255.</summary>
    public const int LightMin = 140;

    /// <summary>Largest light level, 255.</summary>
    public const int LightMax = 255;

    /// <summary>Number of classes: every multiset of 1 or 2 objects from 3 kinds.</summary>
    public const int ClassCount = 9;

    /// <summary>
    /// Area of the regular n-gon inscribed in a circle, over the circle's: n·sin(2π/n) / (2π) (<c>arearatio</c>),
    /// which weights the overlap estimate.
    /// </summary>
    public static double AreaRatio(int vertexCount) => vertexCount * Math.Sin(2 * Math.PI / vertexCount) / (2 * Math.PI);

    /// <summary>
    /// The pre-rotation index r1 for a draw u = <c>randint(0, 255 // n)</c>, as the generator maps it: indices above
    /// 254 // (2n) wrap to negative angles, min(255 − 254 // n + u, 254), so r1 covers one symmetry sector of the
    /// n-gon centred on 0 (for triangles, 83 and 84 both map to 254, as in the generator).
    /// </summary>
    public static int PreRotationIndex(int u, int vertexCount)
    {
        int n = vertexCount;
        if (u > (RotationSteps - 1) / (2 * n))
            u = Math.Min(RotationSteps - (RotationSteps - 1) / n + u, RotationSteps - 1);
        return u;
    }

    /// <summary>Number of values of the pre-rotation draw u: 255 // n (85, 63, 12).</summary>
    public static int PreRotationChoices(int vertexCount) => RotationSteps / vertexCount;

    /// <summary>Angle of rotation index k: k·2π/255.</summary>
    public static double Angle(int k) => k * (2 * Math.PI / RotationSteps);
}
