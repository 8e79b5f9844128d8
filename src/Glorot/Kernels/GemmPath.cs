using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>Which micro-kernel family a GEMM runs on.</summary>
internal enum GemmPath
{
    /// <summary>The widest path this CPU supports (<see cref="GemmPaths.Best"/>).</summary>
    Auto,
    /// <summary>12×32 tiles on <c>Vector512</c> (AVX-512F).</summary>
    Vector512,
    /// <summary>6×16 tiles on <c>Vector256</c> with FMA (AVX2 machines).</summary>
    Vector256,
    /// <summary>4×(2·Vector&lt;float&gt;.Count) tiles on <c>Vector&lt;T&gt;</c>, no intrinsics.</summary>
    Portable,
}

/// <summary>
/// The kernel registration table (BLIS's cntx_init): which micro-kernel each path uses, its tile, and the
/// block sizes. The rest of the GEMM never mentions the CPU.
/// </summary>
internal static unsafe class GemmPaths
{
    /// <summary>
    /// KC: the deepest packed block. K is cut into equal blocks of at most 512 (a multiple of 8), so K = 1000
    /// runs as 2 × 500 rather than 384 + 384 + 232: fewer passes over C. 512 is the top of the range that
    /// measured within noise (256–512, docs/BENCHMARKS.md "Design measurements") and BLIS zen4's
    /// sup KC; here KC = 512 gave 101
    /// GFLOP/s at 1000³ on one core against 97 for 384 and 256 (docs/BENCHMARKS.md, loaded machine).
    /// </summary>
    public const int Kc = 512;

    /// <summary>Depth of each k block for a product of depth k: equal blocks of at most <see cref="Kc"/>, multiples of 8.</summary>
    public static int BlockDepth(int k)
    {
        var blocks = (k + Kc - 1) / Kc;
        return Math.Min(Kc, ((k + blocks - 1) / blocks + 7) / 8 * 8);
    }

    /// <summary>
    /// MC: rows of op(A) packed at once; 96 is a multiple of every MR (12, 6, 4) and its 96×512 block (192 KiB)
    /// sits in the 1 MiB L2 (docs/BENCHMARKS.md "Design measurements": MC 48–98 all within noise).
    /// </summary>
    public const int Mc = 96;

    /// <summary>
    /// NC: columns of op(B) per packed block; 4096 covers every layer of the paper's networks in one block
    /// (so the 1000-wide layers never need an NC split; BLIS zen4 uses 6144).
    /// </summary>
    public const int Nc = 4096;

    /// <summary>The widest path the running CPU accelerates (the JIT reports it; DOTNET_EnableAVX512=0 etc. turn paths off).</summary>
    public static GemmPath Best { get; } =
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? GemmPath.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? GemmPath.Vector256
        : GemmPath.Portable;

    /// <summary>Whether this CPU can run the path (Portable always can).</summary>
    public static bool IsSupported(GemmPath path) => path switch
    {
        GemmPath.Auto or GemmPath.Portable => true,
        GemmPath.Vector512 => Avx512F.IsSupported,
        GemmPath.Vector256 => Fma.IsSupported && Avx.IsSupported,
        _ => false,
    };

    /// <summary>Rows of the path's full tile (the A panel height).</summary>
    public static int Mr(GemmPath path) => path switch
    {
        GemmPath.Vector512 => GemmMicroKernel512.Mr,
        GemmPath.Vector256 => GemmMicroKernel256.Mr,
        _ => GemmMicroKernelPortable.Mr,
    };

    /// <summary>Columns of the path's tile; always divides the 32-wide B panel.</summary>
    public static int Nr(GemmPath path) => path switch
    {
        GemmPath.Vector512 => GemmMicroKernel512.Nr,
        GemmPath.Vector256 => GemmMicroKernel256.Nr,
        _ => GemmMicroKernelPortable.Nr,
    };

    /// <summary>
    /// Runs the path's micro-kernel for a tile of <paramref name="rows"/> ≤ MR rows; <paramref name="next"/>, when
    /// given, is the next tile's B, for the vector kernels that prefetch B as it streams from memory.
    /// </summary>
    public static void Tile(GemmPath path, int rows, int kc, float* a, float* b, nint ldb, float* c, nint ldc,
        float alpha, float beta, float* bias, int cols, float* next = null)
    {
        switch (path)
        {
            case GemmPath.Vector512: Tile512(rows, kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case GemmPath.Vector256: Tile256(rows, kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            default: TilePortable(rows, kc, a, b, ldb, c, ldc, alpha, beta, bias, cols); break;
        }
    }

    private static void Tile512(int rows, int kc, float* a, float* b, nint ldb, float* c, nint ldc,
        float alpha, float beta, float* bias, int cols, float* next)
    {
        switch (rows)
        {
            case 12: GemmMicroKernel512.Tile<Rows12>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 11: GemmMicroKernel512.Tile<Rows11>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 10: GemmMicroKernel512.Tile<Rows10>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 9: GemmMicroKernel512.Tile<Rows9>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 8: GemmMicroKernel512.Tile<Rows8>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 7: GemmMicroKernel512.Tile<Rows7>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 6: GemmMicroKernel512.Tile<Rows6>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 5: GemmMicroKernel512.Tile<Rows5>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 4: GemmMicroKernel512.Tile<Rows4>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 3: GemmMicroKernel512.Tile<Rows3>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 2: GemmMicroKernel512.Tile<Rows2>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            default: GemmMicroKernel512.Tile<Rows1>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
        }
    }

    private static void Tile256(int rows, int kc, float* a, float* b, nint ldb, float* c, nint ldc,
        float alpha, float beta, float* bias, int cols, float* next)
    {
        switch (rows)
        {
            case 6: GemmMicroKernel256.Tile<Rows6>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 5: GemmMicroKernel256.Tile<Rows5>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 4: GemmMicroKernel256.Tile<Rows4>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 3: GemmMicroKernel256.Tile<Rows3>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            case 2: GemmMicroKernel256.Tile<Rows2>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
            default: GemmMicroKernel256.Tile<Rows1>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols, next); break;
        }
    }

    private static void TilePortable(int rows, int kc, float* a, float* b, nint ldb, float* c, nint ldc,
        float alpha, float beta, float* bias, int cols)
    {
        switch (rows)
        {
            case 4: GemmMicroKernelPortable.Tile<Rows4>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols); break;
            case 3: GemmMicroKernelPortable.Tile<Rows3>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols); break;
            case 2: GemmMicroKernelPortable.Tile<Rows2>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols); break;
            default: GemmMicroKernelPortable.Tile<Rows1>(kc, a, b, ldb, c, ldc, alpha, beta, bias, cols); break;
        }
    }
}
