namespace Glorot.Init;

/// <summary>
/// Every scheme a user can name, with its aliases: the tensor schemes of <see cref="Schemes"/> (which builds them)
/// and the data-dependent LSUV (which <c>Nn.Lsuv</c> runs on a network). The one resolver of scheme names:
/// <c>glorot init</c> (through <see cref="Schemes.Find"/>), <c>glorot init --list</c>, <c>glorot probe --init</c>
/// and the run spec's <c>init</c> and <c>output_init</c> all read it.
/// </summary>
public static class SchemeRegistry
{
    /// <summary>The name of layer-sequential unit-variance initialization (Mishkin &amp; Matas 2016).</summary>
    public const string LsuvName = "lsuv";

    /// <summary>The tensor schemes in <see cref="Schemes.All"/>'s order, then the data-dependent ones.</summary>
    public static IReadOnlyList<SchemeInfo> All { get; } =
    [
        .. Schemes.All.Select(e => new SchemeInfo(e.Name, AliasesOf(e.Name), e.Formula, e.Options, NeedsNetworkAndData: false)),
        new(LsuvName, [],
            "orthonormal W (Saxe et al. 2014), then layer by layer W ← W/√Var(s) on a batch of training data until " +
            "|Var(s) − 1| < Tol_var (Mishkin & Matas 2016, Algorithm 1; docs/INITIALIZERS.md §7)",
            ["lsuv-batch", "lsuv-tolerance", "lsuv-iterations"], NeedsNetworkAndData: true),
    ];

    /// <summary>
    /// The scheme a name or alias names: case and '_' vs '-' ignored, and one trailing '_' (PyTorch's in-place
    /// suffix: xavier_uniform_, trunc_normal_) dropped. A name with two meanings (<see cref="Schemes.Ambiguous"/>)
    /// is refused with both; an unknown one gets the nearest names.
    /// </summary>
    public static bool TryFind(string? name, out SchemeInfo? scheme, out string? error)
    {
        scheme = null;
        error = null;
        var spelled = (name ?? "").Trim().ToLowerInvariant();
        if (spelled.Length > 1 && spelled.EndsWith('_')) spelled = spelled[..^1];
        if (Schemes.Ambiguous.TryGetValue(spelled, out var twoMeanings))
        {
            error = twoMeanings;
            return false;
        }
        var key = spelled.Replace('_', '-');
        key = Schemes.Aliases.GetValueOrDefault(key, key);
        scheme = All.FirstOrDefault(s => s.Name == key);
        if (scheme is not null) return true;
        // Suggestions in the order the names were offered before LSUV joined the registry, so ties resolve as then.
        string[] known = [.. Schemes.All.Select(e => e.Name), .. Schemes.Aliases.Keys, .. All.Where(s => s.NeedsNetworkAndData).Select(s => s.Name)];
        error = $"Unknown scheme '{name}'.{NameSuggestions.Hint(name ?? "", known)} (`glorot init --list` lists all {Schemes.All.Count}.)";
        return false;
    }

    /// <summary>Like <see cref="TryFind"/>, throwing.</summary>
    /// <exception cref="ArgumentException">An ambiguous or unknown name; the message says which and what to write.</exception>
    public static SchemeInfo Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryFind(name, out var scheme, out string? error) ? scheme! : throw new ArgumentException(error);
    }

    private static string[] AliasesOf(string name) => [.. Schemes.Aliases.Where(a => a.Value == name).Select(a => a.Key)];
}
