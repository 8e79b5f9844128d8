using System.Runtime.InteropServices;

namespace Glorot.Kernels;

/// <summary>
/// Optional native provider: OpenBLAS's <c>cblas_sgemm</c>, found at run time by its soname, or at the path in
/// <c>GLOROT_OPENBLAS</c> (e.g. a distribution's pthread build outside the loader's search path). Used for
/// parity tests and as an anchor; the managed kernels stay the default.
/// </summary>
internal static unsafe class OpenBlasGemm
{
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;

    /// <summary>The environment variable naming an OpenBLAS library to try first.</summary>
    public const string EnvironmentVariable = "GLOROT_OPENBLAS";

    // The variable's path first, then the sonames the dynamic loader resolves (runtime package, then a dev link).
    private static readonly string[] Candidates =
    [
        .. Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? [path] : Array.Empty<string>(),
        "libopenblas.so.0",
        "libopenblas.so",
    ];

    private static readonly Lazy<Api?> Loaded = new(Load);
    private static int _threads;

    private sealed class Api(
        delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> sgemm,
        delegate* unmanaged<int, void> setThreads, string path)
    {
        public readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm = sgemm;
        public readonly delegate* unmanaged<int, void> SetThreads = setThreads;
        public readonly string Path = path;
    }

    /// <summary>Whether an OpenBLAS with cblas_sgemm could be loaded.</summary>
    public static bool IsAvailable => Loaded.Value is not null;

    /// <summary>The library that was loaded, or why none was.</summary>
    public static string Description => Loaded.Value?.Path
        ?? $"OpenBLAS not found (tried {string.Join(", ", Candidates)}); install it, or set {EnvironmentVariable} to the library's path";

    /// <summary>
    /// C = α·op(A)·op(B) + β·C, row-major, the contract of <see cref="Gemm.Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/>,
    /// on <paramref name="threads"/> OpenBLAS threads.
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, int threads)
    {
        var api = Loaded.Value ?? throw new InvalidOperationException(Description);
        if (m == 0 || n == 0) return;
        if (_threads != threads && api.SetThreads != null)
        {
            api.SetThreads(threads);
            _threads = threads;
        }
        fixed (float* pa = a, pb = b, pc = c)
            api.Sgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k, alpha,
                pa, lda, pb, ldb, beta, pc, ldc);
    }

    private static Api? Load()
    {
        foreach (var name in Candidates)
        {
            if (!NativeLibrary.TryLoad(name, out var handle)) continue;
            if (!NativeLibrary.TryGetExport(handle, "cblas_sgemm", out var sgemm)) continue;
            NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out var setThreads);
            return new Api(
                (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemm,
                (delegate* unmanaged<int, void>)setThreads, name);
        }
        return null;
    }
}
