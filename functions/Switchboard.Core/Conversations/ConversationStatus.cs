namespace Switchboard.Core.Conversations;

/// <summary>Where a conversation stands. Stored and sent over the API in lower case.</summary>
public enum ConversationStatus
{
    Open,
    Pending,
    Snoozed,
    Closed,
}

public static class ConversationStatuses
{
    public static string ToWire(this ConversationStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out ConversationStatus status) =>
        Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(value, out _);
}
