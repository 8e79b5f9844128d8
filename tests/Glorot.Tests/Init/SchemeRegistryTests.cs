using Glorot.Init;
using Glorot.Nn;

namespace Glorot.Tests.Init;

public class SchemeRegistryTests
{
    [Fact]
    public void The_registry_lists_every_tensor_scheme_in_order_then_lsuv()
    {
        Assert.Equal(Schemes.All.Select(e => e.Name).Append("lsuv"), SchemeRegistry.All.Select(s => s.Name));
        Assert.Equal(["lsuv"], SchemeRegistry.All.Where(s => s.NeedsNetworkAndData).Select(s => s.Name));
        foreach (var (scheme, entry) in SchemeRegistry.All.Zip(Schemes.All))
        {
            Assert.Equal(entry.Formula, scheme.Formula);
            Assert.Equal(entry.Options, scheme.Options);
        }
    }

    [Fact]
    public void Each_alias_is_listed_under_the_scheme_it_resolves_to_and_nowhere_else()
    {
        foreach (var (alias, target) in Schemes.Aliases)
        {
            Assert.Equal(target, SchemeRegistry.Find(alias).Name);
            Assert.Equal([target], SchemeRegistry.All.Where(s => s.Aliases.Contains(alias)).Select(s => s.Name));
        }
        Assert.Equal(Schemes.Aliases.Count, SchemeRegistry.All.Sum(s => s.Aliases.Count));
        Assert.Equal(["normalized", "normalised"], SchemeRegistry.Find("xavier-uniform").Aliases);
    }

    [Theory]
    [InlineData("lsuv")]
    [InlineData("LSUV")]
    [InlineData(" lsuv ")]
    [InlineData("Lsuv")]
    public void Lsuv_is_a_registered_scheme_in_any_case(string name)
    {
        Assert.True(Lsuv.IsLsuv(name));
        Assert.True(SchemeRegistry.Find(name).NeedsNetworkAndData);
    }

    [Theory]
    [InlineData("standard")]
    [InlineData("normalized")]
    [InlineData("lsuv-ish")]
    [InlineData("glorot_uniform")]
    [InlineData("")]
    public void Other_names_are_not_lsuv(string name) => Assert.False(Lsuv.IsLsuv(name));

    [Fact]
    public void A_tensor_scheme_builder_refuses_lsuv_and_says_where_it_belongs()
    {
        var message = Assert.Throws<ArgumentException>(() => Schemes.Create("lsuv")).Message;
        Assert.Contains("glorot probe --init lsuv", message);
        Assert.DoesNotContain("Unknown scheme", message);
    }

    [Theory]
    [InlineData("lsvu", "lsuv")]
    [InlineData("xavier-unifrom", "xavier-uniform")]
    [InlineData("kaiming_normall", "kaiming-normal")]
    public void Unknown_names_get_the_nearest_registered_name(string typo, string suggested)
    {
        Assert.False(SchemeRegistry.TryFind(typo, out var scheme, out string? error));
        Assert.Null(scheme);
        Assert.Contains($"Did you mean {suggested}", error);
        Assert.Contains($"Did you mean {suggested}", Assert.Throws<ArgumentException>(() => Schemes.Find(typo)).Message);
    }

    [Fact]
    public void Ambiguous_names_are_refused_by_the_registry_with_both_meanings()
    {
        Assert.False(SchemeRegistry.TryFind("glorot_uniform", out _, out string? error));
        Assert.Contains("keras-glorot-uniform", error);
        Assert.Contains("xavier-uniform", error);
    }
}
