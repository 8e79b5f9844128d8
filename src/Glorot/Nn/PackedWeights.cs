using System.Runtime.CompilerServices;
using Glorot.Kernels;

namespace Glorot.Nn;

/// <summary>Conversions between a PyTorch-order weight W (out × in, row-major) and the packed Wᵀ the GEMM uses.</summary>
internal static unsafe class PackedWeights
{
    /// <summary>
    /// w: (out × in) row-major ← wt: Wᵀ (in × out) packed. Panel q, row i holds W[32q .. 32q + 31, i]
    /// contiguously (<see cref="PackedMatrix"/>); each panel row is read once, sequentially.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UnpackTransposed(PackedMatrix wt, Span<float> w)
    {
        int fanIn = wt.Rows, fanOut = wt.Cols;
        if (w.Length != fanIn * fanOut) throw new ArgumentException("UnpackTransposed: shapes disagree.", nameof(w));
        const int width = GemmPacking.PanelWidth;
        fixed (float* dst = w)
        {
            for (int q = 0; q < wt.Panels; q++)
            {
                float* panel = wt.Data + q * wt.PanelStride;
                int columns = Math.Min(width, fanOut - q * width);
                for (int i = 0; i < fanIn; i++)
                {
                    float* src = panel + i * width;
                    float* d = dst + (long)q * width * fanIn + i;
                    for (int c = 0; c < columns; c++) d[(long)c * fanIn] = src[c];
                }
            }
        }
        wt.KeepAlive();
    }

    /// <summary>The whole storage of a packed matrix (panels including their zero padding), for element-wise passes.</summary>
    public static Span<float> Storage(PackedMatrix m) => new(m.Data, checked((int)(m.Panels * m.PanelStride)));
}
