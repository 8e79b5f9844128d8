using Glorot.Init;

namespace Glorot.Tests;

public sealed class NameSuggestionsTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)] // the textbook Levenshtein example
    [InlineData("xavier", "xaveir", 1)]  // one transposition of neighbours
    [InlineData("ca", "abc", 3)]         // the restricted (OSA) distance: no edit of a transposed pair
    [InlineData("he-normal", "he-normal", 0)]
    public void Distance_is_the_optimal_string_alignment_distance(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggestions.Distance(a, b));
        Assert.Equal(expected, NameSuggestions.Distance(b, a));
    }

    [Fact]
    public void An_unknown_scheme_gets_the_nearest_names_in_one_line()
    {
        var ex = Assert.Throws<ArgumentException>(() => Schemes.Find("xavier-unifrom"));
        Assert.Equal("Unknown scheme 'xavier-unifrom'. Did you mean xavier-uniform? (`glorot init --list` lists all 27.)", ex.Message);
        var far = Assert.Throws<ArgumentException>(() => Schemes.Find("resnet"));
        Assert.DoesNotContain("Did you mean", far.Message);
        Assert.Contains("`glorot init --list`", far.Message);
    }

    [Fact]
    public void Ties_are_all_suggested_and_an_unknown_preset_gets_one_too()
    {
        Assert.Equal(["he-normal"], NameSuggestions.Nearest("he-nromal", ["he-normal", "he-uniform", "xavier-normal"]));
        Assert.Equal(["aa", "bb", "abc"], NameSuggestions.Nearest("ab", ["aa", "bb", "abc", "abcde"]));
        Assert.Empty(NameSuggestions.Nearest("abcdef", ["a"]));
        Assert.Contains("Did you mean pytorch-linear?", Assert.Throws<ArgumentException>(() => Presets.Find("pytorch-lineer")).Message);
    }
}
