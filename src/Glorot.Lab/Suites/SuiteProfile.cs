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

    /// <summary>
    /// About an hour on 2 idle cores: the paper's networks at full width for 160k updates (8 of the paper's epochs of
    /// 20k updates; 500k for standard-init tanh, whose layer-by-layer saturation of Fig. 3 needs them), the learning
    /// rate selected on validation error from three half-decade rates around the quick profile's.
    /// </summary>
    Medium,

    /// <summary>
    /// The paper's whole protocol — 2.5 M updates for every network of Table 1 and a learning-rate search on a
    /// half-decade grid — at a reduced hidden width so that it fits in about 40 minutes on 2 cores with two runs at a time (37 min measured).
    /// </summary>
    Narrow,
}
