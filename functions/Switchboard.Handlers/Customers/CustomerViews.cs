using Switchboard.Handlers.Conversations;

namespace Switchboard.Handlers.Customers;

/// <summary>The JSON shapes of the customers API.</summary>
public sealed record CustomerView(
    string Email, string? Name, DateTimeOffset FirstContactAt, DateTimeOffset? LastContactAt, CustomerNotesView? Notes,
    IReadOnlyList<ConversationSummary> Conversations);

public sealed record CustomerNotesView(string Text, DateTimeOffset UpdatedAt, PersonRef UpdatedBy);

/// <summary>An agent as notes name them: the id, and the name when the agent has one.</summary>
public sealed record PersonRef(string Id, string? Name);

public sealed record CustomerNotesBody(string? Text);

/// <summary>Which addresses may name a customer in a route: anything else is a 404 without a storage read.</summary>
internal static class CustomerAddress
{
    public static bool IsPlausible(string email) =>
        email.Length is > 2 and <= 254 && email.IndexOf('@') > 0 && email.IndexOf('@') < email.Length - 1 && !email.Any(char.IsControl);
}
