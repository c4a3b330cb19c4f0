namespace Switchboard.Core.Events;

/// <summary>Event types, as written on the <c>domain-events</c> queue.</summary>
public static class DomainEventTypes
{
    public const string ConversationStarted = "conversation-started";
    public const string MessageReceived = "message-received";
    public const string BounceReceived = "bounce-received";

    /// <summary>A snoozed conversation's time came: it is open again (the id is conversation + snooze time).</summary>
    public const string ConversationWoke = "conversation-woke";
    /// <summary>An agent's reply was accepted for sending (it is on the outbound-email queue).</summary>
    public const string ReplySent = "reply-sent";

    /// <summary>An agent changed a conversation's status by hand (closed, reopened, pending, snoozed); the id is conversation + time.</summary>
    public const string StatusChanged = "status-changed";

    /// <summary>The conversation (the younger) was folded into another; the event names the younger.</summary>
    public const string ConversationMerged = "conversation-merged";

    /// <summary>An outbound email will not arrive: failed at the provider, bounced or dropped.</summary>
    public const string DeliveryFailed = "delivery-failed";
}

/// <summary>
/// Something that happened, for paging, metrics and notifications. <see cref="Id"/> is derived from what happened,
/// so a redelivered event can be recognised; consumers must not act on an automatic message (auto-reply, bounce,
/// our own mail come back).
/// </summary>
public sealed record DomainEvent(
    string Id,
    string Type,
    DateTimeOffset OccurredAt,
    string? ConversationId,
    string? MessageId,
    string? Mailbox,
    string? CustomerEmail,
    bool Automatic,
    IReadOnlyList<string> Flags);
