using Switchboard.Core.Threading;

namespace Switchboard.Core.Conversations;

/// <summary>
/// Ids derived from the Message-ID, so that processing the same message again (a redelivery, a retry after a crash)
/// writes the same rows instead of new ones.
/// </summary>
public static class ConversationIds
{
    /// <summary>The id of a conversation started by the message with this Message-ID.</summary>
    public static string ForFirstMessage(string messageId) => "c" + ThreadKey.Hex("conversation|" + Normalize(messageId), 23);

    /// <summary>The id of a message within its conversation.</summary>
    public static string ForMessage(string messageId) => "m" + ThreadKey.Hex("message|" + Normalize(messageId), 23);

    public static bool IsWellFormed(string id) =>
        id.Length == 24 && (id[0] == 'c' || id[0] == 'm') && id.Skip(1).All(char.IsAsciiHexDigitLower);

    /// <summary>Whether <paramref name="id"/> can name a conversation (so anything else is a 404 without a storage read).</summary>
    public static bool IsConversationId(string? id) => id is not null && IsWellFormed(id) && id[0] == 'c';

    /// <summary>Whether <paramref name="id"/> can name a message within a conversation.</summary>
    public static bool IsMessageId(string? id) => id is not null && IsWellFormed(id) && id[0] == 'm';

    private static string Normalize(string messageId) => messageId.Trim().Trim('<', '>');
}
