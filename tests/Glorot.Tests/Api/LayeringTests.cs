using System.Text.RegularExpressions;
using Glorot.Tests.Support;
using NetArchTest.Rules;

namespace Glorot.Tests.Api;

/// <summary>
/// The library's rooms and what each may use, as drawn in docs/ARCHITECTURE.md. A room is one namespace; a type
/// may use its own room and the rooms listed for it, nothing else. The table is checked to have no loop, so a
/// loop between namespaces can only come back through a use the table forbids, which fails here.
/// </summary>
public class LayeringTests
{
    // The root namespace holds the vocabulary every room speaks (tensor, activation, shapes, thread count,
    // memory budget) and, above everything, the Initializers facade. The two are checked as separate rooms.
    private const string Vocabulary = "Glorot (vocabulary)";
    private const string Facade = "Glorot (facade)";
    private static readonly string[] FacadeTypes = ["Glorot.Initializers"];

    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Glorot.Numerics"] = [],
        ["Glorot.IO"] = [],
        [Vocabulary] = ["Glorot.Numerics", "Glorot.IO"],
        ["Glorot.Kernels"] = [Vocabulary, "Glorot.Numerics"],
        ["Glorot.Random"] = [Vocabulary, "Glorot.Numerics", "Glorot.Kernels"],
        ["Glorot.Data"] = [Vocabulary, "Glorot.Numerics", "Glorot.Kernels", "Glorot.IO", "Glorot.Random"],
        ["Glorot.Init"] = [Vocabulary, "Glorot.Numerics", "Glorot.Kernels", "Glorot.IO", "Glorot.Random"],
        ["Glorot.Nn"] = [Vocabulary, "Glorot.Numerics", "Glorot.Kernels", "Glorot.IO", "Glorot.Random", "Glorot.Data", "Glorot.Init"],
        ["Glorot.Probes"] = [Vocabulary, "Glorot.Numerics", "Glorot.Kernels", "Glorot.IO", "Glorot.Random", "Glorot.Data", "Glorot.Init", "Glorot.Nn"],
        ["Glorot.Theory"] = [Vocabulary, "Glorot.Numerics", "Glorot.Kernels", "Glorot.IO", "Glorot.Random", "Glorot.Data", "Glorot.Init", "Glorot.Nn", "Glorot.Probes"],
        [Facade] = [Vocabulary, "Glorot.Numerics", "Glorot.Kernels", "Glorot.IO", "Glorot.Random", "Glorot.Data", "Glorot.Init", "Glorot.Nn", "Glorot.Probes", "Glorot.Theory"],
    };

    private static readonly System.Reflection.Assembly Library = typeof(Tensor).Assembly;

    public static TheoryData<string> Rooms() => new(MayUse.Keys);

    [Theory]
    [MemberData(nameof(Rooms))]
    public void Each_room_uses_only_the_rooms_below_it(string room)
    {
        var forbidden = MayUse.Keys.Where(other => other != room && !MayUse[room].Contains(other)).SelectMany(Targets).ToArray();
        var result = Select(room).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{room} uses a room it may not: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_namespace_of_the_library_is_a_room()
    {
        var namespaces = Library.GetTypes().Select(t => t.Namespace).Where(n => n is not null && n.StartsWith("Glorot", StringComparison.Ordinal))
            .Distinct().Where(n => n != "Glorot" && !MayUse.ContainsKey(n!)).ToList();
        Assert.Empty(namespaces);
    }

    [Fact]
    public void The_rooms_form_no_loop()
    {
        Assert.Null(Layering.FindLoop(MayUse));
    }

    [Fact]
    public void A_loop_in_a_table_is_found()
    {
        var loop = new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };
        Assert.Equal(["A", "B", "C", "A"], Layering.FindLoop(loop)!);
    }

    private static PredicateList Select(string room) => room switch
    {
        Vocabulary => Types.InAssembly(Library).That().ResideInNamespaceMatching("^Glorot$")
            .And().DoNotHaveName(FacadeTypes.Select(t => t["Glorot.".Length..]).ToArray()),
        Facade => Types.InAssembly(Library).That().HaveName(FacadeTypes.Select(t => t["Glorot.".Length..]).ToArray())
            .And().ResideInNamespaceMatching("^Glorot$"),
        _ => Types.InAssembly(Library).That().ResideInNamespaceMatching($"^{Regex.Escape(room)}$"),
    };

    // What a dependency on a room looks like to NetArchTest: a namespace, or for the root rooms the type names.
    private static IEnumerable<string> Targets(string room) => room switch
    {
        Vocabulary => Library.GetTypes().Where(t => t.Namespace == "Glorot" && !FacadeTypes.Contains(t.FullName) && !t.IsNested
            && !t.Name.StartsWith('<')).Select(t => t.FullName!),
        Facade => FacadeTypes,
        _ => [room],
    };
}
