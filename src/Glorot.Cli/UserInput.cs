namespace Glorot.Cli;

/// <summary>
/// The boundary where the library checks what the user typed or wrote: Glorot and Glorot.Lab refuse a bad argument
/// with <see cref="ArgumentException"/> (and a bad name or shape with <see cref="FormatException"/>), as .NET
/// libraries do for their callers. Inside <see cref="Check{T}"/> the argument came from the user, so those
/// refusals are the user's; the same exceptions anywhere else are bugs.
/// </summary>
internal static class UserInput
{
    /// <summary>Runs <paramref name="validate"/>, turning its argument and format refusals into <see cref="UserInputException"/>.</summary>
    public static T Check<T>(Func<T> validate)
    {
        try
        {
            return validate();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new UserInputException(Describe(ex), ex);
        }
    }

    /// <inheritdoc cref="Check{T}"/>
    public static void Check(Action validate) => Check(() => { validate(); return 0; });

    /// <summary>The message without .NET's " (Parameter 'x')" suffix, which means nothing to a user.</summary>
    internal static string Describe(Exception ex) =>
        ex is ArgumentException { ParamName: { } name } ? ex.Message.Replace($" (Parameter '{name}')", "") : ex.Message;
}
