using Glorot.Lab.Runs;


namespace Glorot.Lab.Claims;

/// <summary>
/// The paper's claims judged on runs trained on a data set other than Shapeset-3×2. The paper made them on Shapeset;
/// a criterion that rests on a Shapeset value cannot be judged elsewhere without misjudging, so:
/// claim 2 (chance = 5/6, Shapeset's class frequencies) and claim 11 (Table 1's Shapeset errors) are not applicable;
/// claims 1, 3, 5 and 9 time their criteria by when things happened in the paper's Shapeset runs (epochs read off
/// Figs. 2, 3, 9, 10), so a miss there says "not reached" rather than "does not hold"; the claims at initialization
/// (6, 7, 8, 10), the end-of-training comparison (4) and the cost surface (12) do not depend on Shapeset and stand.
/// </summary>
internal static class ClaimsOnOtherData
{
    private static readonly int[] NotApplicable = [2, 11];

    private static readonly int[] TimedOnShapeset = [1, 3, 5, 9];

    public static IReadOnlyList<ClaimResult> Adjust(IReadOnlyList<ClaimResult> claims, SuiteDataset data) =>
        [.. claims.Select(c => Adjust(c, data))];

    private static ClaimResult Adjust(ClaimResult claim, SuiteDataset data)
    {
        if (NotApplicable.Contains(claim.Id))
            return claim with
            {
                Verdict = Verdict.NotReached,
                Measured = $"not applicable on {data.Title}: " + claim.Measured,
                Note = Join($"Not applicable: the criterion rests on Shapeset-3×2 values ({(claim.Id == 2 ? "its chance error 5/6" : "Table 1's Shapeset column")}); these runs are on {data.Title}.", claim.Note),
            };
        if (TimedOnShapeset.Contains(claim.Id) && claim.Verdict == Verdict.DoesNotHold)
            return claim with
            {
                Verdict = Verdict.NotReached,
                Note = Join($"Not reached rather than does not hold: the criterion's time window comes from the paper's Shapeset runs, and these runs are on {data.Title}.", claim.Note),
            };
        return claim with { Note = Join($"The paper's numbers are Shapeset-3×2's; measured here on {data.Title}.", claim.Note) };
    }

    private static string Join(string first, string rest) => rest.Length == 0 ? first : first + " " + rest;
}
