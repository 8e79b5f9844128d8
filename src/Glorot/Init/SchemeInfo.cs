namespace Glorot.Init;

/// <summary>One initializer scheme as a user names it: what <see cref="SchemeRegistry"/> lists and resolves.</summary>
/// <param name="Name">Canonical name: <c>xavier-uniform</c>, <c>lsuv</c>.</param>
/// <param name="Aliases">Other names that resolve to it (<see cref="Schemes.Aliases"/>): <c>normalized</c>, <c>msra</c>.</param>
/// <param name="Formula">Distribution and variance, or the procedure, with the source.</param>
/// <param name="Options">The options it takes (<c>glorot init --gain</c> …; LSUV's are those of <c>glorot probe</c>).</param>
/// <param name="NeedsNetworkAndData">True for a scheme that initializes a whole network from a batch of data (LSUV,
/// Mishkin &amp; Matas 2016): it has no distribution of its own for a lone tensor, so <c>glorot init</c> and
/// <see cref="Schemes.Create"/> refuse it, while <c>glorot probe --init</c> and a run spec's <c>"init"</c> take it.</param>
public sealed record SchemeInfo(string Name, IReadOnlyList<string> Aliases, string Formula, IReadOnlyList<string> Options, bool NeedsNetworkAndData);
