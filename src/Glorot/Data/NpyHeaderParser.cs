using System.Globalization;

namespace Glorot.Data;

/// <summary>
/// The header is a Python dict literal such as <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</c>.
/// This parser accepts exactly that grammar: string keys, and string / bool / tuple-of-int values.
/// </summary>
internal static class NpyHeaderParser
{
    public static (string Descr, bool FortranOrder, int[] Shape) Parse(string header, string name)
    {
        int pos = 0;
        string? descr = null;
        bool? fortran = null;
        int[]? shape = null;
        SkipSpace(header, ref pos);
        Expect(header, ref pos, '{', name);
        while (true)
        {
            SkipSpace(header, ref pos);
            if (Peek(header, pos) == '}') { pos++; break; }
            string key = ReadString(header, ref pos, name);
            SkipSpace(header, ref pos);
            Expect(header, ref pos, ':', name);
            SkipSpace(header, ref pos);
            switch (key)
            {
                case "descr" when descr is null: descr = ReadString(header, ref pos, name); break;
                case "fortran_order" when fortran is null: fortran = ReadBool(header, ref pos, name); break;
                case "shape" when shape is null: shape = ReadShape(header, ref pos, name); break;
                case "descr" or "fortran_order" or "shape": throw Npy.Bad(name, $"header repeats the key '{key}'");
                default: throw Npy.Bad(name, $"header has the unexpected key '{key}' (only descr, fortran_order, shape are allowed)");
            }
            SkipSpace(header, ref pos);
            char c = Peek(header, pos);
            if (c == ',') { pos++; continue; }
            if (c == '}') { pos++; break; }
            throw Npy.Bad(name, $"header: expected ',' or '}}' at offset {pos}");
        }
        SkipSpace(header, ref pos);
        if (pos != header.Length) throw Npy.Bad(name, $"header has text after the dictionary at offset {pos}");
        if (descr is null) throw Npy.Bad(name, "header lacks the key 'descr'");
        if (fortran is null) throw Npy.Bad(name, "header lacks the key 'fortran_order'");
        if (shape is null) throw Npy.Bad(name, "header lacks the key 'shape'");
        return (descr, fortran.Value, shape);
    }

    private static int[] ReadShape(string s, ref int pos, string name)
    {
        Expect(s, ref pos, '(', name);
        var dims = new List<int>();
        while (true)
        {
            SkipSpace(s, ref pos);
            if (Peek(s, pos) == ')') { pos++; break; }
            int start = pos;
            while (pos < s.Length && char.IsAsciiDigit(s[pos])) pos++;
            if (pos == start) throw Npy.Bad(name, $"header: shape holds something other than a non-negative integer at offset {start}");
            if (!int.TryParse(s.AsSpan(start, pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out int d))
                throw Npy.Bad(name, $"header: shape dimension {s[start..pos]} is too large");
            dims.Add(d);
            if (dims.Count > Npy.MaxDimensions) throw Npy.Bad(name, $"header: shape has more than {Npy.MaxDimensions} dimensions");
            SkipSpace(s, ref pos);
            char c = Peek(s, pos);
            if (c == ',') { pos++; continue; }
            if (c == ')') { pos++; break; }
            throw Npy.Bad(name, $"header: expected ',' or ')' in the shape at offset {pos}");
        }
        return [.. dims];
    }

    private static bool ReadBool(string s, ref int pos, string name)
    {
        if (string.CompareOrdinal(s, pos, "True", 0, 4) == 0) { pos += 4; return true; }
        if (string.CompareOrdinal(s, pos, "False", 0, 5) == 0) { pos += 5; return false; }
        throw Npy.Bad(name, $"header: fortran_order must be True or False (offset {pos})");
    }

    private static string ReadString(string s, ref int pos, string name)
    {
        char quote = Peek(s, pos);
        if (quote is not ('\'' or '"')) throw Npy.Bad(name, $"header: expected a quoted string at offset {pos}");
        int end = s.IndexOf(quote, pos + 1);
        if (end < 0) throw Npy.Bad(name, "header: unterminated string");
        string value = s[(pos + 1)..end];
        pos = end + 1;
        return value;
    }

    private static void Expect(string s, ref int pos, char c, string name)
    {
        if (Peek(s, pos) != c) throw Npy.Bad(name, $"header: expected '{c}' at offset {pos}");
        pos++;
    }

    private static char Peek(string s, int pos) => pos < s.Length ? s[pos] : '\0';

    private static void SkipSpace(string s, ref int pos)
    {
        while (pos < s.Length && s[pos] is ' ' or '\n' or '\t' or '\r') pos++;
    }
}
