using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Runs;

public sealed class RunDirectoryTests
{
    [Fact]
    public void A_run_without_a_directory_goes_to_runs_slash_its_name()
    {
        var dir = RunDirectory.Default(TinySpecs.Tanh() with { Name = "tanh-n" });
        Assert.Equal(Path.Combine("runs", "tanh-n"), dir.Root);
        Assert.Equal(Path.Combine("runs", "tanh-n", "spec.json"), dir.Spec);
    }
}
