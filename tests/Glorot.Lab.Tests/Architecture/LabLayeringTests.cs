using System.Text.RegularExpressions;
using Glorot.Lab.Runs;
using Glorot.Tests.Support;
using NetArchTest.Rules;

namespace Glorot.Lab.Tests.Architecture;

/// <summary>
/// The Lab's rooms in the order docs/ARCHITECTURE.md draws them: TensorBoard ← Runs ← Figures ← Claims ← Report ←
/// Suites ← Experiments. A room may use only the rooms listed for it; the table is checked to have no loop, so a
/// loop between the Lab's namespaces fails here as a forbidden use.
/// </summary>
public class LabLayeringTests
{
    private const string Lab = "Glorot.Lab.";

    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        // The TensorBoard event-file format (and its generated Proto namespace): nothing of the Lab.
        ["TensorBoard"] = [],
        ["Runs"] = ["TensorBoard"],
        ["Figures"] = ["Runs"],
        ["Claims"] = ["Runs", "Figures"],
        ["Report"] = ["Runs", "Figures", "Claims"],
        ["Suites"] = ["TensorBoard", "Runs", "Figures", "Claims", "Report"],
        ["Experiments"] = ["TensorBoard", "Runs", "Figures", "Claims", "Report", "Suites"],
    };

    // RunEvents writes the share of saturated units to TensorBoard during training with the claim's own measure
    // (SaturationClaims.LargeFraction), so the curve and the claim cannot drift apart: the one use of a higher room,
    // allowed for that type and that dependency alone.
    private const string ExceptionType = "RunEvents";
    private const string ExceptionTarget = "Glorot.Lab.Claims.SaturationClaims";

    private static readonly System.Reflection.Assembly Library = typeof(RunDirectory).Assembly;

    public static TheoryData<string> Rooms() => new(MayUse.Keys);

    [Theory]
    [MemberData(nameof(Rooms))]
    public void Each_room_uses_only_the_rooms_below_it(string room)
    {
        var forbidden = MayUse.Keys.Where(other => other != room && !MayUse[room].Contains(other)).Select(r => Lab + r).ToArray();
        var result = InRoom(room).And().DoNotHaveName(ExceptionType).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{room} uses a room it may not: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void RunEvents_uses_no_higher_room_but_the_saturation_measure()
    {
        var forbidden = MayUse.Keys.Where(other => other != "Runs" && !MayUse["Runs"].Contains(other))
            .SelectMany(r => Library.GetTypes().Where(t => t.Namespace == Lab + r && t.FullName != ExceptionTarget).Select(t => t.FullName!))
            .ToArray();
        var result = InRoom("Runs").And().HaveName(ExceptionType).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"RunEvents uses more than {ExceptionTarget}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_namespace_of_the_Lab_is_in_a_room()
    {
        var strays = Library.GetTypes().Select(t => t.Namespace).Where(n => n is not null && n.StartsWith("Glorot", StringComparison.Ordinal))
            .Distinct().Where(n => !MayUse.Keys.Any(r => n == Lab + r || n!.StartsWith(Lab + r + ".", StringComparison.Ordinal))).ToList();
        Assert.Empty(strays);
    }

    [Fact]
    public void The_rooms_form_no_loop()
    {
        Assert.Null(Layering.FindLoop(MayUse));
    }

    // A room and the namespaces under it (TensorBoard.Proto is generated code of the TensorBoard room).
    private static PredicateList InRoom(string room) =>
        Types.InAssembly(Library).That().ResideInNamespaceMatching($"^{Regex.Escape(Lab + room)}(\\..+)?$");
}
