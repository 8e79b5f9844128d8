using System.Runtime.CompilerServices;

namespace Glorot.Kernels;

/// <summary>Scalar epilogues: the edge-tile write-back of the micro-kernels, and C = β·C when α·A·B is empty.</summary>
internal static unsafe class GemmEpilogue
{
    /// <summary>
    /// C[rows×cols] = α·T + β·C + bias, T a scratch tile (row stride ldt). The same operations as the vector
    /// epilogues (one FMA; β = 0 never reads C), so an edge element rounds exactly as an interior one would.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(float* t, nint ldt, int rows, int cols, float* c, nint ldc, float alpha, float beta,
        float* bias)
    {
        for (var i = 0; i < rows; i++)
        {
            float* ti = t + i * ldt, ci = c + i * ldc;
            for (var j = 0; j < cols; j++)
            {
                float v = beta == 0f ? ti[j] * alpha
                    : beta == 1f ? MathF.FusedMultiplyAdd(ti[j], alpha, ci[j])
                    : MathF.FusedMultiplyAdd(ti[j], alpha, ci[j] * beta);
                if (bias != null) v += bias[j];
                ci[j] = v;
            }
        }
    }

    /// <summary>C[m×n] = β·C + bias, for k = 0 or α = 0 (A and B are not read, as in BLAS); β = 0 writes zeros.</summary>
    public static void ScaleOnly(int m, int n, float beta, float* c, nint ldc, float* bias)
    {
        for (var i = 0; i < m; i++)
        {
            float* ci = c + i * ldc;
            for (var j = 0; j < n; j++)
                ci[j] = (beta == 0f ? 0f : beta * ci[j]) + (bias != null ? bias[j] : 0f);
        }
    }
}
