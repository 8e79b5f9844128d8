using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Json;
using Glorot.Kernels;

namespace Glorot.Lab.Runs;

/// <summary>
/// What a run's bits depend on besides its spec: the GEMM micro-kernel path and the vector widths the element-wise
/// kernels use (each path sums in another order, so float results differ in the last bits). The thread count
/// is not among them: the compute pool gives the same bits for any count. Recorded as <c>environment.json</c> when a
/// run starts; a resume on another path says that the continuation is not bit-identical (docs/LAB.md).
/// </summary>
internal sealed record RunEnvironment(string ComputePath, string Os, string Runtime, int Processors)
{
    public const string FileName = "environment.json";

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>This process's environment.</summary>
    public static RunEnvironment Current { get; } = new(
        $"gemm {GemmPaths.Best}, vector512 {Vector512.IsHardwareAccelerated}, vector256 {Vector256.IsHardwareAccelerated}, " +
        $"vector-t {Vector<float>.Count}, fma {Fma.IsSupported}",
        RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, Environment.ProcessorCount);

    public void Save(string root) => Glorot.IO.AtomicFile.WriteAllText(Path.Combine(root, FileName), JsonSerializer.Serialize(this, Options));

    /// <summary>The recorded environment, or null when the run has none (or an unreadable one).</summary>
    public static RunEnvironment? Load(string root)
    {
        string path = Path.Combine(root, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<RunEnvironment>(File.ReadAllText(path), Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The one line to say when continuing a run recorded in <paramref name="recorded"/> here; null when the bits will match.</summary>
    public static string? Difference(RunEnvironment? recorded)
    {
        if (recorded is null)
            return "the run does not record its compute path (environment.json); if it started on another machine or with other DOTNET_Enable* settings, the continuation is not bit-identical to an uninterrupted run.";
        if (recorded.ComputePath == Current.ComputePath) return null;
        return $"the run started on \"{recorded.ComputePath}\" and continues on \"{Current.ComputePath}\": the continuation is not bit-identical to an uninterrupted run (each compute path sums in another order, so the float results differ in the last bits).";
    }
}
