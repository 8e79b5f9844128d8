using Glorot.IO;
using Glorot.Lab.Runs;
using Glorot.Nn;
using Xunit.Abstractions;

namespace Glorot.Lab.Tests.Runs;

/// <summary>
/// A kill at every file operation of a short run, in turn: the fault seam (<see cref="FileFaults"/>) makes the k-th
/// operation throw <see cref="SimulatedCrash"/>, leaving the files as a kill there would (a torn write keeps half its
/// bytes), and then <c>--resume</c> must finish the run with the same bits as a run never interrupted.
/// </summary>
public sealed class RunKillTests(ITestOutputHelper output)
{
    // Two checkpoints, two evaluations and two probes besides those at 0 and at the end: every kind of write.
    private static RunSpec Spec() => TinySpecs.Tanh(24) with
    {
        Hidden = [8, 8], EvaluateEvery = 10, EvaluationExamples = 20, ProbeEvery = 12, ProbeExamples = 10,
        WeightGradientExamples = 2, HistogramBins = 6, CheckpointEvery = 10,
    };

    private static readonly string[] ResultFiles = ["metrics.csv", "probe_summary.csv", "probe_histograms.csv", "probes.jsonl", "spec.json"];

    [Fact]
    public void A_kill_at_any_file_operation_then_resume_gives_the_bits_of_an_uninterrupted_run()
    {
        using var temp = new TempDirectory();
        var counter = new FileFaults { SkipDiskFlush = true };
        RunResult reference;
        using (FileFaults.Install(counter)) reference = Runner.Run(Spec(), temp.Sub("reference"));
        Assert.Equal(RunStatus.Completed, reference.Status);
        long operations = counter.Count;
        Assert.True(operations > 50, $"only {operations} file operations seen");
        var expected = Snapshot(reference.Directory);

        int restartedFromScratch = 0, fellBack = 0;
        for (long k = 0; k < operations; k++)
        {
            string dir = temp.Sub("kill-" + k);
            var crash = Assert.Throws<SimulatedCrash>(() =>
            {
                using (FileFaults.Install(new FileFaults { FailAt = k, SkipDiskFlush = true })) Runner.Run(Spec(), dir);
            });
            var notices = new List<string>();
            RunResult resumed;
            using var noFlush = FileFaults.Install(new FileFaults { SkipDiskFlush = true });
            try
            {
                resumed = Runner.Run(Spec(), dir, new RunOptions { Resume = true, Notice = notices.Add });
            }
            catch (ArgumentException ex) when (ex.Message.Contains("no run to resume", StringComparison.Ordinal))
            {
                // Killed before the run wrote its spec: there is nothing to resume, and starting it is what the user does.
                restartedFromScratch++;
                resumed = Runner.Run(Spec(), dir);
            }
            if (notices.Any(n => n.Contains("newest complete checkpoint", StringComparison.Ordinal))) fellBack++;
            Assert.True(resumed.Status == RunStatus.Completed, $"kill {k} ({crash.Message}): {resumed.Status}");
            var actual = Snapshot(resumed.Directory);
            foreach (var (name, content) in expected)
                Assert.True(content == actual[name], $"kill {k} ({crash.Message}): {name} differs after resume");
            Assert.Equal(reference.FinalTestError, resumed.FinalTestError);
            Directory.Delete(dir, recursive: true);
        }
        output.WriteLine($"{operations} kill points, each resumed bit-identically; {restartedFromScratch} before the spec existed " +
                         $"(started again), {fellBack} resumed from an older checkpoint.");
    }

    // The results files, the final weights and the events, as text to compare.
    private static Dictionary<string, string> Snapshot(RunDirectory dir)
    {
        var files = ResultFiles.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(dir.Root, f)));
        var weights = MlpCheckpoint.Load(Runner.LatestCheckpoint(dir)!).CopyParameters();
        files["weights"] = Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(weights.AsSpan()));
        files["checkpoint"] = Path.GetFileName(Runner.LatestCheckpoint(dir)!);
        // The TensorBoard events as TensorBoard shows them (their wall times differ from run to run).
        files["events"] = string.Join("\n", TensorBoard.TfRecordReader.Events(dir.Events).Skip(1)
            .SelectMany(e => e.Summary.Value.Select(v => $"{e.Step} {v.Tag} {v.SimpleValue:R} {v.Histo}")));
        return files;
    }
}
