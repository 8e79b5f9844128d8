namespace Glorot.Cli.Tests.Deploy;

public sealed class SlurmDeployTests
{
    private static string Script(string name) => Path.Combine(DeploySimulation.Root, "deploy", "slurm", name);

    [Fact]
    public void The_job_array_and_the_report_job_give_the_same_report_as_one_process()
    {
        string temp = Path.Combine(Path.GetTempPath(), "glorot-slurm-" + Guid.NewGuid().ToString("N"));
        try
        {
            DeploySimulation.RunInOneProcess(Path.Combine(temp, "one"));
            string shared = Path.Combine(temp, "shared");
            Dictionary<string, string> Env(string stage, int task) => new()
            {
                ["GLOROT"] = DeploySimulation.Cli,
                ["GLOROT_OUT"] = shared,
                ["GLOROT_PROFILE"] = "tiny",
                ["GLOROT_STAGE"] = stage,
                ["GLOROT_ARGS"] = DeploySimulation.Args,
                // What Slurm sets in task `task` of `sbatch --array=1-3` (a 1-based array: the script subtracts the minimum).
                ["SLURM_ARRAY_TASK_ID"] = (task + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SLURM_ARRAY_TASK_MIN"] = "1",
                ["SLURM_ARRAY_TASK_COUNT"] = "3",
            };
            // Each stage's tasks at once, as separate processes; the final array after the selection one (afterok).
            foreach (var stage in new[] { "selection", "final" })
                DeploySimulation.WaitAll(Enumerable.Range(0, 3).Select(i => DeploySimulation.Start("bash", [Script("glorot-shard.sbatch")], Env(stage, i))));
            // A requeued task continues (--resume) and changes nothing.
            DeploySimulation.WaitAll([DeploySimulation.Start("bash", [Script("glorot-shard.sbatch")], Env("final", 1))]);
            DeploySimulation.WaitAll([DeploySimulation.Start("bash", [Script("glorot-report.sbatch")],
                new Dictionary<string, string> { ["GLOROT"] = DeploySimulation.Cli, ["GLOROT_OUT"] = shared })]);

            DeploySimulation.AssertSameReport(Path.Combine(temp, "one"), Path.Combine(shared, "report"));
            Assert.True(File.Exists(Path.Combine(shared, "report", "report.html")));
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public void The_submit_script_chains_selection_final_and_report_with_afterok()
    {
        string submit = File.ReadAllText(Script("submit.sh"));
        Assert.Contains("GLOROT_STAGE=selection sbatch --parsable --array=", submit);
        Assert.Contains("GLOROT_STAGE=final sbatch --parsable --array=\"0-$((shards - 1))\" --dependency=\"afterok:$selection\"", submit);
        Assert.Contains("--dependency=\"afterok:$final\"", submit);
        Assert.Contains("glorot-report.sbatch", submit);
        string shard = File.ReadAllText(Script("glorot-shard.sbatch"));
        Assert.Contains("#SBATCH --requeue", shard);
        Assert.Contains("--resume", shard);
    }
}
