namespace Glorot.Lab.Claims;

/// <summary>What the run data say about one of the paper's claims.</summary>
public enum Verdict
{
    /// <summary>The stated numeric criterion is met.</summary>
    Holds,

    /// <summary>The criterion is not met although the runs cover what the paper's claim is about.</summary>
    DoesNotHold,

    /// <summary>
    /// The data cannot decide at this scale: a run is missing (not part of the profile, or not gathered), was too
    /// short for the paper's time window, or lacks the probe the criterion reads.
    /// </summary>
    NotReached,
}
