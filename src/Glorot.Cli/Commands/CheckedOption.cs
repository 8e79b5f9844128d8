using System.CommandLine;
using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary>
/// Typed options whose parser is also their validator: a value that cannot be read raises
/// <see cref="UserInputException"/> naming the option, so it is one line on stderr and exit 2 like every other
/// refusal of what the user typed (System.CommandLine's own errors add a pointer to the help).
/// </summary>
internal static class CheckedOption
{
    /// <summary>An option read by <paramref name="parse"/> (given the token's text); read it with <see cref="Given{T}"/>.</summary>
    public static Option<T?> Create<T>(string name, string description, Func<string, T> parse) where T : class =>
        new(name)
        {
            Description = description,
            CustomParser = result => result.Tokens is [var token] ? parse(token.Value) : null,
        };

    /// <summary>A value-typed option read by <paramref name="parse"/> (given the token's text); null when absent.</summary>
    public static Option<T?> Parsed<T>(string name, string description, Func<string, T> parse) where T : struct =>
        new(name)
        {
            Description = description,
            // Not the enum's member names, which would show values the parser does not advertise (a test-only profile).
            HelpName = name.TrimStart('-'),
            CustomParser = result => result.Tokens is [var token] ? parse(token.Value) : null,
        };

    /// <summary>
    /// An option of one of the initializers' enumerated types, read by the library's name table
    /// (<see cref="InitOptionNames"/>: each value under its name and aliases, case ignored); null when absent.
    /// </summary>
    public static Option<T?> Named<T>(string name, string description) where T : struct, Enum =>
        new(name)
        {
            Description = description,
            CustomParser = result =>
            {
                if (result.Tokens is not [var token]) return null;
                if (InitOptionNames.TryParse(token.Value, out T value)) return value;
                throw new UserInputException($"{name} '{token.Value}' is not one of {string.Join(", ", InitOptionNames.Of<T>().Select(n => n.Name))}.");
            },
        };

    /// <summary>The option's value, or null when it was not given (an absent array-typed option reads as an empty array).</summary>
    public static T? Given<T>(ParseResult parse, Option<T?> option) where T : class =>
        parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) : null;
}
