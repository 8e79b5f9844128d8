namespace Glorot.Tests.Support;

/// <summary>Loops in a table of rooms and the rooms each may use (the layering tests of both test projects).</summary>
internal static class Layering
{
    /// <summary>A loop as the rooms along it, first room repeated at the end; null when the table has none.</summary>
    public static string[]? FindLoop(IReadOnlyDictionary<string, string[]> mayUse)
    {
        // Depth-first search; a room met again while still on the path closes a loop.
        var done = new HashSet<string>();
        var path = new List<string>();
        string[]? Visit(string room)
        {
            int onPath = path.IndexOf(room);
            if (onPath >= 0) return [.. path[onPath..], room];
            if (!done.Add(room)) return null;
            path.Add(room);
            foreach (var below in mayUse.GetValueOrDefault(room, []))
                if (Visit(below) is { } loop) return loop;
            path.RemoveAt(path.Count - 1);
            return null;
        }
        foreach (var room in mayUse.Keys)
            if (Visit(room) is { } loop) return loop;
        return null;
    }
}
