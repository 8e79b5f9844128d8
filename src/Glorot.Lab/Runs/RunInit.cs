using Glorot.Init;
using Glorot.Nn;

namespace Glorot.Lab.Runs;

/// <summary>
/// The initialization scheme a run spec names for a group of layers: a scheme of <see cref="Schemes"/> (checked when
/// the spec is read) or the data-dependent "lsuv" (Mishkin &amp; Matas 2016), which has no <see cref="Initializer"/>
/// of its own. The scheme's options (init_gain, init_nonlinearity, lsuv_*) are keys of their own in the spec
/// (<see cref="RunSpec.InitOptions"/>, <see cref="RunSpec.LsuvOptions"/>).
/// </summary>
public sealed record RunInit
{
    private RunInit(string name, bool isLsuv)
    {
        Name = name;
        IsLsuv = isLsuv;
    }

    /// <summary>The name as the spec spells it (an alias stays an alias, so a spec re-serializes to its own bytes).</summary>
    public string Name { get; }

    /// <summary>Whether this is "lsuv" (<see cref="Lsuv.IsLsuv"/>).</summary>
    public bool IsLsuv { get; }

    /// <summary>The paper's default, U[±1/√fan_in] (Glorot &amp; Bengio 2010 eq. 1).</summary>
    public static RunInit Standard { get; } = new("standard", false);

    /// <summary>The paper's normalized initialization (Glorot &amp; Bengio 2010 eq. 16).</summary>
    public static RunInit XavierUniform { get; } = new("xavier-uniform", false);

    /// <summary>The scheme named <paramref name="name"/>: "lsuv" or a name or alias <see cref="Schemes.Find"/> knows.</summary>
    /// <exception cref="ArgumentException">An unknown or ambiguous name (the message suggests the nearest names).</exception>
    public static RunInit Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Lsuv.IsLsuv(name)) return new(name, true);
        Schemes.Find(name);
        return new(name, false);
    }

    /// <summary>The initializer of a scheme with <paramref name="options"/>; LSUV has none (<see cref="Lsuv.PreInitialization"/>
    /// and <see cref="Lsuv.Apply"/> do its work).</summary>
    /// <exception cref="InvalidOperationException">This is "lsuv".</exception>
    /// <exception cref="ArgumentException">An option the scheme does not take.</exception>
    public Initializer Create(InitOptions? options = null) => IsLsuv
        ? throw new InvalidOperationException("lsuv is data-dependent: it has no initializer of its own (Lsuv.PreInitialization, then Lsuv.Apply).")
        : Schemes.Create(Name, options);

    /// <summary>The name as the spec spells it.</summary>
    public override string ToString() => Name;
}
