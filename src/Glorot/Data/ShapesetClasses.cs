namespace Glorot.Data;

/// <summary>
/// The 9 labels of Shapeset-3×2 in Glorot's order (<c>convertout</c> in <c>simpleexemple.py</c>): 0 triangle,
/// 1 parallelogram, 2 ellipse, 3 triangle+parallelogram, 4 parallelogram+ellipse, 5 triangle+ellipse,
/// 6 two triangles, 7 two parallelograms, 8 two ellipses.
/// </summary>
public static class ShapesetClasses
{
    /// <summary>Class names in label order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "triangle", "parallelogram", "ellipse",
        "triangle+parallelogram", "parallelogram+ellipse", "triangle+ellipse",
        "2 triangles", "2 parallelograms", "2 ellipses",
    ];

    /// <summary>
    /// The probability of each class under the generator's sampling, ignoring the rare images whose second
    /// object is dropped after 50 rejections: one object (½) of a uniform kind gives 1/6 each; two objects
    /// (½) of independent uniform kinds give 2/9·½ = 1/9 for each mixed pair and 1/9·½ = 1/18 for each
    /// same-kind pair.
    /// </summary>
    public static IReadOnlyList<double> TheoreticalFrequencies { get; } =
        [1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 9.0, 1 / 9.0, 1 / 9.0, 1 / 18.0, 1 / 18.0, 1 / 18.0];

    /// <summary>The label of an image with <paramref name="triangles"/>, <paramref name="parallelograms"/> and
    /// <paramref name="ellipses"/> objects (one or two in all).</summary>
    public static int Label(int triangles, int parallelograms, int ellipses)
    {
        int total = triangles + parallelograms + ellipses;
        if (triangles < 0 || parallelograms < 0 || ellipses < 0 || total is < 1 or > 2)
            throw new ArgumentException($"A Shapeset image has 1 or 2 objects (got {triangles}, {parallelograms}, {ellipses}).");
        return (triangles, parallelograms, ellipses) switch
        {
            (1, 0, 0) => 0,
            (0, 1, 0) => 1,
            (0, 0, 1) => 2,
            (1, 1, 0) => 3,
            (0, 1, 1) => 4,
            (1, 0, 1) => 5,
            (2, 0, 0) => 6,
            (0, 2, 0) => 7,
            _ => 8,
        };
    }
}
