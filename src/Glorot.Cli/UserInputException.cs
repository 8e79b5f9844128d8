namespace Glorot.Cli;

/// <summary>
/// The user's request cannot be done as given (a bad option value, spec or file). <c>glorot</c> prints its message
/// on one line and exits with <see cref="ExitCodes.UserError"/>; every other exception is a bug and keeps its trace.
/// </summary>
internal sealed class UserInputException : Exception
{
    public UserInputException(string message) : base(message) { }

    public UserInputException(string message, Exception inner) : base(message, inner) { }
}
