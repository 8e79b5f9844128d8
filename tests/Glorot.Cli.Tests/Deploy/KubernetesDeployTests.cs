using System.Text.Json;

namespace Glorot.Cli.Tests.Deploy;

public sealed class KubernetesDeployTests
{
    private static string Manifest(string name) => Path.Combine(DeploySimulation.Root, "deploy", "k8s", name);

    // Parses a YAML file with python3-yaml and returns it as JSON; null when python3 or its yaml module is absent.
    private static JsonElement? Yaml(string path)
    {
        try
        {
            using var p = DeploySimulation.Start("python3",
                ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", path], new Dictionary<string, string>());
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? JsonDocument.Parse(stdout).RootElement.Clone() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no python3
        }
    }

    private static JsonElement Container(JsonElement job) => job.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];

    private static string Env(JsonElement container, string name) =>
        container.GetProperty("env").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name).GetProperty("value").GetString()!;

    [SkippableTheory]
    [InlineData("selection")]
    [InlineData("final")]
    public void The_indexed_job_runs_one_shard_per_completion_index_on_the_shared_volume(string stage)
    {
        var job = Yaml(Manifest($"shards-{stage}.yaml"));
        Skip.If(job is null, "python3 with the yaml module (apt-get install python3-yaml) is not available");
        var spec = job!.Value.GetProperty("spec");
        Assert.Equal("Indexed", spec.GetProperty("completionMode").GetString());
        var container = Container(job.Value);
        Assert.Equal(spec.GetProperty("completions").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), Env(container, "GLOROT_SHARDS"));
        string command = string.Join(' ', container.GetProperty("command").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("--shard \"$JOB_COMPLETION_INDEX/$GLOROT_SHARDS\"", command);
        Assert.Contains($"--stage {stage}", command);
        Assert.Contains("--resume", command);
        Assert.Contains("--out /runs", command);
        Assert.Equal("/runs", container.GetProperty("volumeMounts")[0].GetProperty("mountPath").GetString());
        var pvc = Yaml(Manifest("pvc.yaml"))!.Value;
        Assert.Equal(pvc.GetProperty("metadata").GetProperty("name").GetString(),
            job.Value.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("volumes")[0].GetProperty("persistentVolumeClaim").GetProperty("claimName").GetString());
        Assert.Equal("ReadWriteMany", pvc.GetProperty("spec").GetProperty("accessModes")[0].GetString());
    }

    [SkippableFact]
    public void Running_each_index_as_the_container_would_then_the_report_job_gives_the_same_report_as_one_process()
    {
        var selection = Yaml(Manifest("shards-selection.yaml"));
        Skip.If(selection is null, "python3 with the yaml module (apt-get install python3-yaml) is not available");
        string temp = Path.Combine(Path.GetTempPath(), "glorot-k8s-" + Guid.NewGuid().ToString("N"));
        try
        {
            DeploySimulation.RunInOneProcess(Path.Combine(temp, "one"));
            string volume = Path.Combine(temp, "volume");
            Directory.CreateDirectory(volume);
            // The container's command, with the image's CLI path and the volume's mount point mapped to this machine.
            string Local(JsonElement container) => container.GetProperty("command")[2].GetString()!
                .Replace("dotnet /app/Glorot.Cli.dll", DeploySimulation.Cli, StringComparison.Ordinal)
                .Replace("/runs", volume, StringComparison.Ordinal);
            foreach (var stage in new[] { "selection", "final" })
            {
                var container = Container(Yaml(Manifest($"shards-{stage}.yaml"))!.Value);
                Assert.Equal(["sh", "-c"], container.GetProperty("command").EnumerateArray().Take(2).Select(c => c.GetString()));
                // Three indices instead of the manifest's eight (the same command; the test only saves time).
                DeploySimulation.WaitAll(Enumerable.Range(0, 3).Select(i => DeploySimulation.Start("sh", ["-c", Local(container)], new Dictionary<string, string>
                {
                    ["JOB_COMPLETION_INDEX"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["GLOROT_SHARDS"] = "3",
                    ["GLOROT_PROFILE"] = "tiny",
                    ["GLOROT_ARGS"] = DeploySimulation.Args,
                })));
            }
            var report = Container(Yaml(Manifest("report-job.yaml"))!.Value);
            DeploySimulation.WaitAll([DeploySimulation.Start("sh", ["-c", Local(report)], new Dictionary<string, string>())]);
            DeploySimulation.AssertSameReport(Path.Combine(temp, "one"), Path.Combine(volume, "report"));
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public void The_image_is_the_official_dotnet_runtime_with_the_cli_as_entry_point()
    {
        string dockerfile = File.ReadAllText(Path.Combine(DeploySimulation.Root, "deploy", "Dockerfile"));
        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime:10.0", dockerfile);
        Assert.Contains("dotnet publish src/Glorot.Cli", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/Glorot.Cli.dll\"]", dockerfile);
    }
}
