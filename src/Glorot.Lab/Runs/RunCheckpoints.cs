using Glorot.IO;
using Glorot.Kernels;
using Glorot.Nn;

namespace Glorot.Lab.Runs;

/// <summary>
/// The checkpoints of a run directory: <c>checkpoints/step-N/</c> holds the weights (<see cref="MlpCheckpoint"/>),
/// the optimizer's state (<see cref="SgdCheckpoint"/>: momentum buffers, when there is momentum) and <c>state.json</c>, written last as the completion marker. A new checkpoint is complete before the older one
/// is removed, so a kill at any point leaves at least one complete checkpoint once the first exists.
/// </summary>
internal static class RunCheckpoints
{
    /// <summary>The results files whose lengths a checkpoint records (file names in the run directory).</summary>
    public static string[] Files(RunDirectory dir) =>
        [.. new[] { dir.Metrics, dir.Probes, dir.Histograms, dir.ProbeLines }.Select(p => Path.GetFileName(p))];

    /// <summary>
    /// Flushes the results files, writes the weights and the optimizer's state (<paramref name="writeOptimizer"/> gets the
    /// checkpoint's directory), then the run state with the files' lengths, then removes every other checkpoint.
    /// Returns the step.
    /// </summary>
    public static long Write(RunDirectory dir, Mlp mlp, Action<string> writeOptimizer, RunState state)
    {
        var lengths = new Dictionary<string, long>();
        foreach (string name in Files(dir))
        {
            string path = Path.Combine(dir.Root, name);
            AtomicFile.Sync(path);
            lengths[name] = new FileInfo(path).Length;
        }
        if (File.Exists(dir.Events))
        {
            AtomicFile.Sync(dir.Events);
            lengths[EventsKey] = new FileInfo(dir.Events).Length;
        }
        string target = dir.Checkpoint(state.Step);
        AtomicFile.DeleteDirectory(target);
        AtomicFile.CreateDirectory(target);
        MlpCheckpoint.Save(mlp, target);
        writeOptimizer(target);
        AtomicFile.SyncDirectory(dir.Checkpoints);
        (state with { FileLengths = lengths }).Save(target);
        foreach (var old in Directory.GetDirectories(dir.Checkpoints, "step-*"))
            if (!string.Equals(Path.GetFullPath(old), Path.GetFullPath(target), StringComparison.Ordinal))
                AtomicFile.DeleteDirectory(old);
        return state.Step;
    }

    /// <summary>The event file's key in <see cref="RunState.FileLengths"/>: present when the file existed at the checkpoint.</summary>
    public const string EventsKey = "tb/" + TensorBoard.EventFile.FileName;

    /// <summary>
    /// Makes the event file what it was at the checkpoint: cut back to its recorded length, or removed when the
    /// checkpoint had none (TensorBoard was off then). A file shorter than recorded lost events: it is removed, and
    /// <paramref name="notice"/> says so, since the training results do not depend on it.
    /// </summary>
    public static void RestoreEvents(RunDirectory dir, RunState state, Action<string> notice)
    {
        if (!File.Exists(dir.Events)) return;
        if (state.FileLengths.TryGetValue(EventsKey, out long length) && new FileInfo(dir.Events).Length >= length)
        {
            AtomicFile.Truncate(dir.Events, length);
            return;
        }
        if (length > 0) notice($"{dir.Events}: shorter than at the checkpoint (events were lost); starting a new event file from update {state.Step}.");
        AtomicFile.Delete(dir.Events);
    }

    /// <summary>
    /// Deletes every checkpoint of a completed run (<see cref="RunOptions.KeepCheckpoints"/> false): the directory is
    /// first renamed out of the way, so a kill during the deletion leaves either all checkpoints or none.
    /// </summary>
    public static void DeleteAll(RunDirectory dir)
    {
        string doomed = dir.Checkpoints + ".deleted";
        AtomicFile.DeleteDirectory(doomed);
        if (!Directory.Exists(dir.Checkpoints)) return;
        Directory.Move(dir.Checkpoints, doomed);
        AtomicFile.SyncDirectory(dir.Root);
        AtomicFile.DeleteDirectory(doomed);
    }

    /// <summary>
    /// Loads the newest complete, finite checkpoint into <paramref name="mlp"/> and returns its state; null when there
    /// is none. Newer ones that are incomplete or damaged are removed, and <paramref name="notice"/> hears why.
    /// </summary>
    /// <exception cref="InvalidDataException">No checkpoint is usable but one was complete once (its state file exists):
    /// progress would be lost by starting over, so that takes <c>--force</c>.</exception>
    public static RunState? LoadNewest(RunDirectory dir, Mlp mlp, Action<string> notice)
    {
        if (!Directory.Exists(dir.Checkpoints)) return null;
        var skipped = new List<string>();
        bool damaged = false;
        foreach (var candidate in Directory.GetDirectories(dir.Checkpoints, "step-*").OrderByDescending(d => d, StringComparer.Ordinal))
        {
            try
            {
                var state = RunState.Load(candidate, Files(dir));
                if (Path.GetFileName(candidate) != Path.GetFileName(dir.Checkpoint(state.Step)))
                    throw new InvalidDataException($"{candidate}: its state says step {state.Step}.");
                MlpCheckpoint.LoadParameters(mlp, candidate);
                if (mlp.FirstNonFiniteLayer() is not null)
                    throw new InvalidDataException($"{candidate}: holds non-finite weights, so it is not a good checkpoint.");
                if (skipped.Count > 0)
                    notice($"resuming from {Path.GetFileName(candidate)}, the newest complete checkpoint; skipped: {string.Join("; ", skipped)}");
                foreach (var newer in Directory.GetDirectories(dir.Checkpoints, "step-*"))
                    if (string.CompareOrdinal(Path.GetFileName(newer), Path.GetFileName(candidate)) > 0) AtomicFile.DeleteDirectory(newer);
                return state;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                skipped.Add(ex.Message);
                damaged |= File.Exists(Path.Combine(candidate, RunState.FileName));
            }
        }
        if (damaged)
            throw new InvalidDataException($"{dir.Root}: no usable checkpoint ({string.Join("; ", skipped)}); repair it, or start over with --force (deletes the run's results).");
        return null;
    }
}
