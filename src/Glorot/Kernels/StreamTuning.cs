namespace Glorot.Kernels;

// TEMPORARY experiment knobs (issue 13 §1 measurements); removed before the final commit.
internal static class StreamTuning
{
    public static int DotPrefetch = Read("GLOROT_PF_DOT", 0);
    public static int DotPrefetchGroups = Read("GLOROT_PF_GROUPS", 1);
    public static int FusedRows = Read("GLOROT_FUSED_ROWS", 32);
    public static int Split = Read("GLOROT_SPLIT", 0);
    public static int UpdatePrefetch = Read("GLOROT_PF_UPD", 0);
    public static int PartsPerThread = Read("GLOROT_PARTS", 1);
    public static int SlabChunks = Read("GLOROT_SLAB", 0);
    public static int RowUpdate = Read("GLOROT_ROWUPD", 0);
    public static int ForwardPrefetch = Read("GLOROT_PF_FWD", 0);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;
}
