using System.Runtime.CompilerServices;
using Glorot.Random;

namespace Glorot.Data;

/// <summary>
/// Draws one Shapeset-3×2 image from one Philox stream, as Glorot's <c>Polygongen</c> does (<c>glorotxa/Shapeset</c>
/// <c>polygongen.py</c>; docs/DATASETS.md), into reusable buffers: no allocation per image. One instance per thread.
/// </summary>
/// <remarks>
/// Order of draws from the stream: dark-objects flag, object count, background grey; then per object: kind,
/// pre-rotation r1, rotation r3, and per placement attempt s₀, s₁, tₓ, t_y; then the object's grey.
/// </remarks>
internal sealed class ShapesetSampler
{
    private const int N = ShapesetSpec.ImageSize;

    // Regular n-gons on the circle of radius 0.5 with a horizontal bottom edge (n_sided): vertex t at angle
    // 2π(t/n + 1/(2n) + 1/4).
    private static readonly double[][] BaseX = new double[3][], BaseY = new double[3][];
    private static readonly double[] AreaRatios = new double[3];
    private static readonly double[] Cos = new double[ShapesetSpec.RotationSteps], Sin = new double[ShapesetSpec.RotationSteps];

    static ShapesetSampler()
    {
        for (var kind = 0; kind < 3; kind++)
        {
            int n = ShapesetSpec.VertexCounts[kind];
            BaseX[kind] = new double[n];
            BaseY[kind] = new double[n];
            for (var t = 0; t < n; t++)
            {
                double angle = 2 * Math.PI * ((double)t / n + 1.0 / (2 * n) + 0.25);
                BaseX[kind][t] = ShapesetSpec.BaseRadius * Math.Cos(angle);
                BaseY[kind][t] = ShapesetSpec.BaseRadius * Math.Sin(angle);
            }
            AreaRatios[kind] = ShapesetSpec.AreaRatio(n);
        }
        for (var k = 0; k < ShapesetSpec.RotationSteps; k++)
        {
            Cos[k] = Math.Cos(ShapesetSpec.Angle(k));
            Sin[k] = Math.Sin(ShapesetSpec.Angle(k));
        }
    }

    // The current image.
    private readonly double[] _vx = new double[ShapesetSpec.MaxObjects * ShapesetSpec.MaxVertices];
    private readonly double[] _vy = new double[ShapesetSpec.MaxObjects * ShapesetSpec.MaxVertices];
    private readonly int[] _kind = new int[ShapesetSpec.MaxObjects];
    private readonly byte[] _grey = new byte[ShapesetSpec.MaxObjects];
    private readonly double[] _s0 = new double[ShapesetSpec.MaxObjects], _s1 = new double[ShapesetSpec.MaxObjects];
    private readonly double[] _tx = new double[ShapesetSpec.MaxObjects], _ty = new double[ShapesetSpec.MaxObjects];
    private readonly int[] _r1 = new int[ShapesetSpec.MaxObjects], _r3 = new int[ShapesetSpec.MaxObjects];
    private readonly int[] _ix = new int[ShapesetSpec.MaxVertices], _iy = new int[ShapesetSpec.MaxVertices];

    public int ObjectCount { get; private set; }
    public byte Background { get; private set; }
    public bool DarkObjects { get; private set; }
    public int Rejections { get; private set; }

    /// <summary>Draws the image of stream (<paramref name="seed"/>, <paramref name="stream"/>) and returns its label.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Sample(ulong seed, ulong stream)
    {
        var rng = new RandomStream(seed, stream);
        DarkObjects = rng.NextDouble() < ShapesetSpec.InversionChance;
        int wanted = 1 + rng.NextInt(ShapesetSpec.MaxObjects);
        Background = DarkObjects ? LightGrey(ref rng) : DarkGrey(ref rng);
        Rejections = 0;
        ObjectCount = 0;
        while (ObjectCount < wanted)
        {
            int kind = rng.NextInt(3);
            if (!Place(ref rng, ObjectCount, kind)) break; // too many rejections: keep the objects placed so far
            _kind[ObjectCount] = kind;
            _grey[ObjectCount] = DarkObjects ? DarkGrey(ref rng) : LightGrey(ref rng);
            ObjectCount++;
        }
        return Label;
    }

    private static byte DarkGrey(ref RandomStream rng) =>
        (byte)(ShapesetSpec.DarkMin + rng.NextInt(ShapesetSpec.DarkMax - ShapesetSpec.DarkMin + 1));

    private static byte LightGrey(ref RandomStream rng) =>
        (byte)(ShapesetSpec.LightMin + rng.NextInt(ShapesetSpec.LightMax - ShapesetSpec.LightMin + 1));

    /// <summary>
    /// Places object <paramref name="slot"/>: fixed rotations, then (scale, translation) redrawn while the overlap
    /// estimate with an earlier object exceeds ½. Returns false when the image's 50th rejection is reached: the
    /// generator then stops adding objects (it counts rejections per image, not per object).
    /// </summary>
    private bool Place(ref RandomStream rng, int slot, int kind)
    {
        int n = ShapesetSpec.VertexCounts[kind];
        int r1 = ShapesetSpec.PreRotationIndex(rng.NextInt(ShapesetSpec.PreRotationChoices(n)), n);
        int r3 = rng.NextInt(ShapesetSpec.FinalRotationChoices);
        double c1 = Cos[r1], s1r = Sin[r1], c3 = Cos[r3], s3 = Sin[r3];
        double tan1 = s1r / c1;
        var vx = _vx.AsSpan(slot * ShapesetSpec.MaxVertices, n);
        var vy = _vy.AsSpan(slot * ShapesetSpec.MaxVertices, n);
        var bx = BaseX[kind];
        var by = BaseY[kind];

        while (true)
        {
            double a = rng.NextDouble(ShapesetSpec.ScaleMin, ShapesetSpec.ScaleMax) * N;
            double b = rng.NextDouble(ShapesetSpec.ScaleMin, ShapesetSpec.ScaleMax) * N;
            if (b > a) (a, b) = (b, a); // s₀ ≥ s₁ keeps the base along the first axis

            // Row vectors: p ↦ ((p·R(r1)) ∘ s)·R(r2)·R(r3), R(θ) = [[cos θ, sin θ], [−sin θ, cos θ]], where
            // r2 = −atan((s₁/s₀)·tan r1) brings the scaled base back to horizontal (polygongen._corners).
            double u = b / a * tan1;
            double h = 1 / Math.Sqrt(1 + u * u);
            double c2 = h, s2 = -u * h;
            // M = R(r1)·diag(s)·R(r2)·R(r3) as a 2×2 matrix acting on row vectors.
            double m00 = c1 * a, m01 = s1r * b, m10 = -s1r * a, m11 = c1 * b;
            (m00, m01) = (m00 * c2 - m01 * s2, m00 * s2 + m01 * c2);
            (m10, m11) = (m10 * c2 - m11 * s2, m10 * s2 + m11 * c2);
            (m00, m01) = (m00 * c3 - m01 * s3, m00 * s3 + m01 * c3);
            (m10, m11) = (m10 * c3 - m11 * s3, m10 * s3 + m11 * c3);

            double minX = double.MaxValue, maxX = double.MinValue, minY = double.MaxValue, maxY = double.MinValue;
            for (var t = 0; t < n; t++)
            {
                double x = bx[t] * m00 + by[t] * m10, y = bx[t] * m01 + by[t] * m11;
                vx[t] = x;
                vy[t] = y;
                minX = Math.Min(minX, x); maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
            }

            // Uniform translation keeping the object and a 1-pixel margin inside: t ∈ [1 − min, 31 − max).
            double tx = rng.NextDouble(ShapesetSpec.MarginPixels - minX, N - ShapesetSpec.MarginPixels - maxX);
            double ty = rng.NextDouble(ShapesetSpec.MarginPixels - minY, N - ShapesetSpec.MarginPixels - maxY);

            if (OverlapsTooMuch(slot, kind, a, b, tx, ty, vx, vy))
            {
                if (++Rejections >= ShapesetSpec.RejectionMax) return false;
                continue;
            }

            for (var t = 0; t < n; t++)
            {
                vx[t] += tx;
                vy[t] += ty;
            }
            _s0[slot] = a; _s1[slot] = b; _tx[slot] = tx; _ty[slot] = ty; _r1[slot] = r1; _r3[slot] = r3;
            return true;
        }
    }

    /// <summary>The generator's overlap test of a candidate (centred vertices <paramref name="cx"/>, <paramref name="cy"/>) against every earlier object.</summary>
    private bool OverlapsTooMuch(int slot, int kind, double s0, double s1, double tx, double ty,
        ReadOnlySpan<double> cx, ReadOnlySpan<double> cy)
    {
        for (var j = 0; j < slot; j++)
        {
            int nj = ShapesetSpec.VertexCounts[_kind[j]];
            double estimate = ShapesetOverlap.Estimate(
                _vx.AsSpan(j * ShapesetSpec.MaxVertices, nj), _vy.AsSpan(j * ShapesetSpec.MaxVertices, nj),
                _tx[j], _ty[j], _s0[j] * _s1[j] * AreaRatios[_kind[j]],
                cx, cy, tx, ty, s0 * s1 * AreaRatios[kind]);
            if (estimate > ShapesetSpec.OverlapMax) return true;
        }
        return false;
    }

    /// <summary>The label of the current image.</summary>
    public int Label
    {
        get
        {
            int t = 0, p = 0, e = 0;
            for (var i = 0; i < ObjectCount; i++)
            {
                switch (_kind[i])
                {
                    case 0: t++; break;
                    case 1: p++; break;
                    default: e++; break;
                }
            }
            return ShapesetClasses.Label(t, p, e);
        }
    }

    /// <summary>Rasterizes the current image into <paramref name="pixels"/> [32 × 32], row-major.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Render(Span<byte> pixels)
    {
        pixels.Fill(Background);
        for (var i = 0; i < ObjectCount; i++)
        {
            int n = ShapesetSpec.VertexCounts[_kind[i]];
            for (var t = 0; t < n; t++)
            {
                // pygame converts coordinates to integers by truncation (all are ≥ 1 here, so floor).
                _ix[t] = (int)_vx[i * ShapesetSpec.MaxVertices + t];
                _iy[t] = (int)_vy[i * ShapesetSpec.MaxVertices + t];
            }
            PygamePolygonFill.Fill(pixels, N, N, _ix.AsSpan(0, n), _iy.AsSpan(0, n), _grey[i]);
        }
    }

    /// <summary>A snapshot of the current image's parameters.</summary>
    public ShapesetScene ToScene()
    {
        var objects = new ShapesetObject[ObjectCount];
        for (var i = 0; i < ObjectCount; i++)
        {
            int n = ShapesetSpec.VertexCounts[_kind[i]];
            objects[i] = new ShapesetObject((ShapeKind)_kind[i], _grey[i], _s0[i], _s1[i], _tx[i], _ty[i], _r1[i], _r3[i],
                _vx.AsSpan(i * ShapesetSpec.MaxVertices, n).ToArray(), _vy.AsSpan(i * ShapesetSpec.MaxVertices, n).ToArray());
        }
        return new ShapesetScene(Background, DarkObjects, objects, Rejections, Label);
    }
}
