using Glorot.Kernels;

namespace Glorot.Random;

/// <summary>
/// A sequential reader over one Philox stream, for code whose draws are naturally sequential (a data generator
/// building one image, a shuffle). Draw k of (seed, stream) is word k mod 4 of block k / 4: a
/// <see cref="RandomStream"/> started at any position gives the same numbers as one that walked there.
/// </summary>
/// <remarks>Mutable struct: pass it by <c>ref</c>.</remarks>
public struct RandomStream
{
    private readonly ulong _seed;
    private readonly ulong _stream;
    private ulong _block;
    private uint _x0, _x1, _x2, _x3;
    private int _next; // index of the next unused word in the current block; 4 = exhausted

    /// <summary>A stream positioned at draw 0 (or at <paramref name="firstBlock"/>·4).</summary>
    public RandomStream(ulong seed, ulong stream, ulong firstBlock = 0)
    {
        _seed = seed;
        _stream = stream;
        _block = firstBlock;
        _x0 = _x1 = _x2 = _x3 = 0;
        _next = 4;
    }

    /// <summary>The next 32-bit word.</summary>
    public uint NextUInt32()
    {
        if (_next == 4)
        {
            (_x0, _x1, _x2, _x3) = Philox4x32.Block(_seed, _stream, _block++);
            _next = 0;
        }
        return _next++ switch { 0 => _x0, 1 => _x1, 2 => _x2, _ => _x3 };
    }

    /// <summary>A float in [0, 1).</summary>
    public float NextFloat() => Philox4x32.ToUnitFloat(NextUInt32());

    /// <summary>A double in [0, 1) (53 random bits from two words).</summary>
    public double NextDouble() => Philox4x32.ToUnitDouble(NextUInt32(), NextUInt32());

    /// <summary>A double uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double NextDouble(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>An integer uniform in [0, <paramref name="n"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "The range must be positive.");
        ulong m = (ulong)NextUInt32() * (uint)n;
        if ((uint)m < (uint)n)
        {
            uint threshold = (uint)(-n) % (uint)n;
            while ((uint)m < threshold) m = (ulong)NextUInt32() * (uint)n;
        }
        return (int)(m >> 32);
    }

    /// <summary>A standard normal draw (Box–Muller in double precision; the sine branch is discarded).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]: log never sees 0
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
