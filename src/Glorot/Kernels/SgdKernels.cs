using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Glorot.Kernels;

/// <summary>
/// The optimizer's element-wise passes over the parameter and gradient arrays, and the bias-gradient reduction.
/// Each is single-threaded and walks elements in a fixed order, so results never depend on the thread count.
/// </summary>
internal static class SgdKernels
{
    /// <summary>y = β·y + α·Σ_r m[r, ·]. m: (rows × cols); y: (cols). β = 0 overwrites y without reading it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ColumnSums(ReadOnlySpan<float> m, int rows, int cols, float alpha, float beta, Span<float> y)
    {
        if (y.Length != cols || m.Length < rows * cols) throw new ArgumentException("ColumnSums: shapes disagree.");
        ref float mr = ref MemoryMarshal.GetReference(m);
        int j = 0;
        // 8 columns at a time, rows in order: every column is summed in the same order on every path.
        if (Vector256.IsHardwareAccelerated)
            for (; j <= cols - 8; j += 8)
            {
                var sum = Vector256<float>.Zero;
                for (int r = 0; r < rows; r++) sum += Vector256.LoadUnsafe(ref mr, (nuint)(r * cols + j));
                var result = Vector256.Create(alpha) * sum;
                if (beta != 0f) result += Vector256.Create(beta) * Vector256.Create(y.Slice(j, 8));
                result.CopyTo(y.Slice(j, 8));
            }
        for (; j < cols; j++)
        {
            float sum = 0f;
            for (int r = 0; r < rows; r++) sum += Unsafe.Add(ref mr, r * cols + j);
            y[j] = beta == 0f ? alpha * sum : alpha * sum + beta * y[j];
        }
    }

    /// <summary>p = decay·p − lr·g. p, g: (n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step(Span<float> p, ReadOnlySpan<float> g, float lr, float decay)
    {
        if (p.Length != g.Length) throw new ArgumentException("Step: p and g differ in length.");
        int n = p.Length, i = 0;
        ref float pr = ref MemoryMarshal.GetReference(p);
        ref float gr = ref MemoryMarshal.GetReference(g);
        var vlr = Vector256.Create(-lr);
        var vdecay = Vector256.Create(decay);
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
                Vector256.FusedMultiplyAdd(vlr, Vector256.LoadUnsafe(ref gr, (nuint)i), vdecay * Vector256.LoadUnsafe(ref pr, (nuint)i))
                    .StoreUnsafe(ref pr, (nuint)i);
        for (; i < n; i++)
            Unsafe.Add(ref pr, i) = MathF.FusedMultiplyAdd(-lr, Unsafe.Add(ref gr, i), decay * Unsafe.Add(ref pr, i));
    }

    /// <summary>
    /// PyTorch's SGD with momentum (dampening 0): v = μ·v + (g + λ·p); p = p − lr·v. p, g, v: (n).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MomentumStep(Span<float> p, ReadOnlySpan<float> g, Span<float> v, float lr, float momentum, float weightDecay)
    {
        if (p.Length != g.Length || p.Length != v.Length) throw new ArgumentException("MomentumStep: lengths differ.");
        int n = p.Length, i = 0;
        ref float pr = ref MemoryMarshal.GetReference(p);
        ref float gr = ref MemoryMarshal.GetReference(g);
        ref float vr = ref MemoryMarshal.GetReference(v);
        var vmu = Vector256.Create(momentum);
        var vwd = Vector256.Create(weightDecay);
        var vlr = Vector256.Create(-lr);
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
            {
                var pv = Vector256.LoadUnsafe(ref pr, (nuint)i);
                var gv = Vector256.FusedMultiplyAdd(vwd, pv, Vector256.LoadUnsafe(ref gr, (nuint)i));
                var vv = Vector256.FusedMultiplyAdd(vmu, Vector256.LoadUnsafe(ref vr, (nuint)i), gv);
                vv.StoreUnsafe(ref vr, (nuint)i);
                Vector256.FusedMultiplyAdd(vlr, vv, pv).StoreUnsafe(ref pr, (nuint)i);
            }
        for (; i < n; i++)
        {
            float pv = Unsafe.Add(ref pr, i);
            float gv = MathF.FusedMultiplyAdd(weightDecay, pv, Unsafe.Add(ref gr, i));
            float vv = MathF.FusedMultiplyAdd(momentum, Unsafe.Add(ref vr, i), gv);
            Unsafe.Add(ref vr, i) = vv;
            Unsafe.Add(ref pr, i) = MathF.FusedMultiplyAdd(-lr, vv, pv);
        }
    }

    /// <summary>g = clamp(g, −c, c). g: (n).</summary>
    public static void ClipByValue(Span<float> g, float c)
    {
        TensorPrimitives.Min(g, c, g);
        TensorPrimitives.Max(g, -c, g);
    }

    /// <summary>‖g‖₂, accumulated in double in a fixed order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Norm(ReadOnlySpan<float> g)
    {
        // Blocks of 4096 summed in float by TensorPrimitives (vectorized), the block sums in double: accurate
        // enough for a clipping threshold and independent of threads.
        double total = 0;
        for (int i = 0; i < g.Length; i += 4096)
            total += TensorPrimitives.SumOfSquares(g.Slice(i, Math.Min(4096, g.Length - i)));
        return Math.Sqrt(total);
    }

    /// <summary>
    /// PyTorch's SGD with Nesterov momentum (dampening 0): g′ = g + λ·p; v = μ·v + g′; p = p − lr·(g′ + μ·v)
    /// (torch/optim/sgd.py, _single_tensor_sgd with nesterov=True). p, g, v: (n).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void NesterovStep(Span<float> p, ReadOnlySpan<float> g, Span<float> v, float lr, float momentum, float weightDecay)
    {
        if (p.Length != g.Length || p.Length != v.Length) throw new ArgumentException("NesterovStep: lengths differ.");
        int n = p.Length, i = 0;
        ref float pr = ref MemoryMarshal.GetReference(p);
        ref float gr = ref MemoryMarshal.GetReference(g);
        ref float vr = ref MemoryMarshal.GetReference(v);
        var vmu = Vector256.Create(momentum);
        var vwd = Vector256.Create(weightDecay);
        var vlr = Vector256.Create(-lr);
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
            {
                var pv = Vector256.LoadUnsafe(ref pr, (nuint)i);
                var gv = Vector256.FusedMultiplyAdd(vwd, pv, Vector256.LoadUnsafe(ref gr, (nuint)i));
                var vv = Vector256.FusedMultiplyAdd(vmu, Vector256.LoadUnsafe(ref vr, (nuint)i), gv);
                vv.StoreUnsafe(ref vr, (nuint)i);
                Vector256.FusedMultiplyAdd(vlr, Vector256.FusedMultiplyAdd(vmu, vv, gv), pv).StoreUnsafe(ref pr, (nuint)i);
            }
        for (; i < n; i++)
        {
            float pv = Unsafe.Add(ref pr, i);
            float gv = MathF.FusedMultiplyAdd(weightDecay, pv, Unsafe.Add(ref gr, i));
            float vv = MathF.FusedMultiplyAdd(momentum, Unsafe.Add(ref vr, i), gv);
            Unsafe.Add(ref vr, i) = vv;
            Unsafe.Add(ref pr, i) = MathF.FusedMultiplyAdd(-lr, MathF.FusedMultiplyAdd(momentum, vv, gv), pv);
        }
    }
}
