using System.Globalization;

namespace Switchboard.Tests.Proof;

/// <summary>
/// How big a proof runs: the test command runs the quick default; an environment variable asks for a longer run
/// (docs/reliability.md lists them). A value that is not a whole number of at least <c>min</c> fails the test at once,
/// naming the variable, rather than silently running the quick variant.
/// </summary>
internal static class ProofScale
{
    public static int Get(string variable, int quick, int min = 1) =>
        Parse(variable, Environment.GetEnvironmentVariable(variable), quick, min);

    public static int Parse(string variable, string? text, int quick, int min = 1)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return quick;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }
        throw new ArgumentException($"{variable}=\"{text}\" is not a whole number of at least {min} (unset, it is {quick}).", variable);
    }
}
