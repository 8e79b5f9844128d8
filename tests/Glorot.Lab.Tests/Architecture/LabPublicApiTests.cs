using PublicApiGenerator;

namespace Glorot.Lab.Tests.Architecture;

/// <summary>
/// The Lab's public surface, snapshotted like the library's (tests/Glorot.Tests/Api/PublicApiTests.cs): a change to
/// it is a visible diff. Public is what a user of the Lab calls to run, resume and read experiments (docs/API.md);
/// the figure recipes, report pieces, claim checks and file plumbing are internal, reached by the CLI and the tests
/// through InternalsVisibleTo.
/// </summary>
public class LabPublicApiTests
{
    private static string ApprovedPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Glorot.Lab.PublicApi.approved.txt");

    [Fact]
    public void Public_api_matches_the_approved_snapshot()
    {
        // When this fails, review Glorot.Lab.PublicApi.received.txt beside the approved file and copy it over if the
        // change is intended.
        string api = typeof(Glorot.Lab.Runs.Runner).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false })
            .ReplaceLineEndings("\n");
        string approvedPath = ApprovedPath();
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        if (api != approved)
        {
            File.WriteAllText(approvedPath.Replace(".approved.", ".received.", StringComparison.Ordinal), api);
            Assert.Fail($"The Lab's public API changed; compare {Path.GetFileName(approvedPath)} with Glorot.Lab.PublicApi.received.txt.");
        }
    }
}
