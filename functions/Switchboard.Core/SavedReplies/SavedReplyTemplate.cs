using System.Text.RegularExpressions;

namespace Switchboard.Core.SavedReplies;

/// <summary>
/// The placeholders a saved reply may use, written <c>{{customer.firstName}}</c> (spaces inside the braces allowed,
/// names case-insensitive), and how they are filled in. A value that is not known renders as a sensible phrase
/// rather than an empty gap:
/// <list type="table">
/// <item><term>customer.firstName</term><description>first word of the customer's name ("Pereira, Ana" → "Ana"); "there" when unknown</description></item>
/// <item><term>customer.name</term><description>the customer's name; "there" when unknown</description></item>
/// <item><term>customer.email</term><description>the customer's address; "" when unknown</description></item>
/// <item><term>agent.firstName</term><description>first word of the agent's name; "The support team" when unknown</description></item>
/// <item><term>agent.name</term><description>the agent's name; "The support team" when unknown</description></item>
/// <item><term>conversation.subject</term><description>the subject; "your message" when empty</description></item>
/// </list>
/// Anything else in double braces is refused when the reply is saved (<see cref="UnknownPlaceholders"/>), so rendering
/// never meets an unknown one; if it does (a reply saved before a placeholder was retired) it is left as written.
/// </summary>
public static partial class SavedReplyTemplate
{
    public const string CustomerFirstName = "customer.firstName";
    public const string CustomerName = "customer.name";
    public const string CustomerEmail = "customer.email";
    public const string AgentFirstName = "agent.firstName";
    public const string AgentName = "agent.name";
    public const string ConversationSubject = "conversation.subject";

    public const string UnknownCustomer = "there";
    public const string UnknownAgent = "The support team";
    public const string UnknownSubject = "your message";

    public static readonly IReadOnlyList<string> Placeholders =
        [CustomerFirstName, CustomerName, CustomerEmail, AgentFirstName, AgentName, ConversationSubject];

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>The placeholders in <paramref name="body"/> that are not in <see cref="Placeholders"/>, as written, once each.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string body) =>
        PlaceholderPattern().Matches(body)
            .Select(m => m.Groups[1].Value)
            .Where(name => Canonical(name) is null)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The body with every placeholder filled in from <paramref name="values"/>.</summary>
    public static string Render(string body, SavedReplyValues values) =>
        PlaceholderPattern().Replace(body, m => Canonical(m.Groups[1].Value) switch
        {
            CustomerFirstName => FirstName(values.CustomerName) ?? UnknownCustomer,
            CustomerName => Present(values.CustomerName) ?? UnknownCustomer,
            CustomerEmail => Present(values.CustomerEmail) ?? "",
            AgentFirstName => FirstName(values.AgentName) ?? UnknownAgent,
            AgentName => Present(values.AgentName) ?? UnknownAgent,
            ConversationSubject => Present(values.Subject) ?? UnknownSubject,
            _ => m.Value,
        });

    /// <summary>"Ana Pereira" → "Ana"; "Pereira, Ana" → "Ana"; null for no name.</summary>
    public static string? FirstName(string? name)
    {
        if (Present(name) is not { } full)
        {
            return null;
        }
        var comma = full.IndexOf(',');
        var given = comma > 0 && comma < full.Length - 1 ? full[(comma + 1)..].Trim() : full;
        return given.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
    }

    private static string? Canonical(string name) =>
        Placeholders.FirstOrDefault(p => string.Equals(p, name.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().Trim('"').Trim();
}

/// <summary>What a saved reply can be filled in with; null or blank = not known.</summary>
public sealed record SavedReplyValues(string? CustomerName, string? CustomerEmail, string? AgentName, string? Subject);
