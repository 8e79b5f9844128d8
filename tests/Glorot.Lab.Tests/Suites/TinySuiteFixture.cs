using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Suites;

/// <summary>One run of the tiny glorot2010 suite (about a second), shared by the figure and report tests.</summary>
public sealed class TinySuiteFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public TinySuiteFixture() => Result = SuiteRunner.Run(SuiteProfile.Tiny, Out);

    public string Out => _temp.Path;

    public SuiteResult Result { get; }

    public void Dispose() => _temp.Dispose();
}
