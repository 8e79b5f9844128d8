namespace Glorot.Lab.Claims;

/// <summary>One claim of the paper, checked against run data.</summary>
/// <param name="Id">Number in the claims table (docs/LAB.md, "Claims").</param>
/// <param name="Claim">The paper's claim in one sentence.</param>
/// <param name="Source">Where the paper makes it (figure, section, table).</param>
/// <param name="Criterion">The numeric test applied to the run data.</param>
/// <param name="Paper">The paper's own numbers for it (read off its figures where it gives no table).</param>
/// <param name="Measured">The numbers measured here, with the update at which they were read.</param>
/// <param name="Verdict">Holds / does not hold / not reached.</param>
/// <param name="Note">What still differs from the paper and why; empty when nothing does.</param>
public sealed record ClaimResult(int Id, string Claim, string Source, string Criterion, string Paper, string Measured, Verdict Verdict, string Note)
{
    /// <summary>The verdict in words: "holds", "does not hold", "not reached".</summary>
    public string VerdictText => Verdict switch
    {
        Verdict.Holds => "holds",
        Verdict.DoesNotHold => "does not hold",
        _ => "not reached",
    };
}
