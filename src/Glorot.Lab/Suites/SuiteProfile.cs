namespace Glorot.Lab.Suites;

/// <summary>How much of the paper's protocol a suite run does.</summary>
public enum SuiteProfile
{
    /// <summary>
    /// Minutes on a laptop: the paper's networks (1000 units, batch 10, Shapeset-3×2) for a few thousand updates
    /// each instead of millions, 1,000 evaluation examples, a handful of probe times. Figures at initialization
    /// (6, 7, 8) are the paper's; figures over training show only the start of training; Table 1 is not reached.
    /// </summary>
    Quick,

    /// <summary>The paper's scale: 2.5 M updates per network (2.8 M for sigmoid, Fig. 2), evaluation on 10,000
    /// examples and probes every 20k updates (the paper's "epoch"), a checkpoint every 20k. Hours per network.</summary>
    Full,

    /// <summary>Seconds, for tests only: narrow networks, a few dozen updates. Not a reproduction.</summary>
    Tiny,
}
