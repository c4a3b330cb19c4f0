using Switchboard.Core.Inbound;

namespace Switchboard.Core.Conversations;

/// <summary>An email arriving in a conversation, as far as the conversation's rules care.</summary>
/// <param name="FromUs">Sent from one of our mailboxes (a reply sent outside Switchboard, Bcc'd back): not the customer writing.</param>
/// <param name="Automatic">Auto-reply, bounce or our own mail come back: never reopens, never adds a participant.</param>
/// <param name="VisibleText">What the author wrote now, without quoted history: the preview.</param>
public sealed record ArrivingMail(
    EmailAddress? From, bool FromUs, bool Automatic, string Subject, DateTimeOffset SentAt, DateTimeOffset ReceivedAt, string VisibleText);

/// <summary>An agent's reply as the conversation sees it.</summary>
/// <param name="Cc">Addresses the agent copied: they become participants.</param>
/// <param name="StatusAfter">Open, pending or closed: where the conversation stands once the reply is out.</param>
public sealed record AgentReply(string Text, IReadOnlyList<string> Cc, ConversationStatus StatusAfter, DateTimeOffset At);
