using System.Numerics;
using System.Runtime.InteropServices;

namespace Glorot.Kernels;

/// <summary>Whether every value of a span is finite: the divergence checks of training and checkpoints (tens of MB).</summary>
internal static class FiniteCheck
{
    /// <summary>True when no value is NaN or ±∞.</summary>
    public static bool All(ReadOnlySpan<float> values)
    {
        // x − x is 0 for every finite x and NaN for NaN and ±∞, so one comparison per lane tests both.
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            var lanes = MemoryMarshal.Cast<float, Vector<float>>(values);
            foreach (var v in lanes)
                if (!Vector.EqualsAll(v - v, Vector<float>.Zero)) return false;
            i = lanes.Length * Vector<float>.Count;
        }
        for (; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return false;
        return true;
    }
}
