namespace Glorot.Lab.Experiments;

/// <summary>The source texts' experiments that <c>glorot reproduce NAME</c> runs besides glorot2010 (docs/LAB.md).</summary>
public static class ExperimentSuites
{
    /// <summary>Every experiment suite, in the order <c>--list</c> shows them.</summary>
    public static IReadOnlyList<IExperimentSuite> All { get; } = [new SymmetrySuite(), new SignalSuite(), new He2015Suite(), new ClippingSuite(), new ConditionsSuite()];

    /// <summary>The suite named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static IExperimentSuite? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
