using System.CommandLine;

namespace Glorot.Cli.Tests;

/// <summary>Help is read by people who installed the tool and have no copy of the repository.</summary>
public sealed class HelpTextTests
{
    [Fact]
    public void No_help_text_points_at_a_repository_path()
    {
        var paths = new List<string[]>();
        void Walk(Command command, string[] path)
        {
            paths.Add(path);
            foreach (var sub in command.Subcommands) Walk(sub, [.. path, sub.Name]);
        }
        Walk(Program.BuildRoot(), []);
        Assert.True(paths.Count > 8, $"only {paths.Count} commands found");
        foreach (var path in paths)
        {
            var (exit, help, _) = CliRunner.Run([.. path, "--help"]);
            Assert.Equal(0, exit);
            foreach (var folder in new[] { "docs/", "src/", "bench/", "deploy/", "tests/" })
                Assert.False(help.Contains(folder, StringComparison.Ordinal), $"glorot {string.Join(' ', path)} --help mentions {folder}:\n{help}");
        }
    }
}
