using System.Text.Json;
using Switchboard.Handlers.Auth;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// A stored item as the API shows it (GET of a conversation, an accepted reply, the messages a stale reply missed):
/// bodies read from their blob when large, attachment and raw links signed, inline images pointed at their links.
/// </summary>
public sealed class MessageViews(MessageContentStore content, LinkSigner links)
{
    public async Task<MessageView> ViewAsync(string conversationId, MessageEntity message, CancellationToken cancellationToken = default)
    {
        var body = message.BodyBlobName is { } blob
            ? await content.ReadBodyAsync(blob, cancellationToken)
            : new StoredBody(message.Text ?? "", message.VisibleText ?? "", message.Html);
        var basePath = $"/api/conversations/{conversationId}/messages/{message.RowKey}";
        var attachments = (JsonSerializer.Deserialize<List<StoredAttachment>>(message.Attachments, JsonDefaults.Options) ?? [])
            .Select((a, i) => new AttachmentView(a.Name, a.ContentType, a.Size, a.Inline, a.ContentId, links.Sign($"{basePath}/attachments/{i}")))
            .ToList();
        var html = body.Html;
        foreach (var inline in attachments.Where(a => a.ContentId is { Length: > 0 }))
        {
            html = html?.Replace("cid:" + inline.ContentId, inline.Url, StringComparison.OrdinalIgnoreCase);
        }
        return new MessageView(
            message.RowKey,
            message.Kind,
            message.Direction,
            message.AuthorAgentId,
            message.DeliveryState,
            message.DeliveryDetail,
            message.FromEmail is null ? null : new PersonView(message.FromEmail, message.FromName),
            Addresses(message.To),
            Addresses(message.Cc),
            message.SentAt,
            message.ReceivedAt,
            message.MessageId,
            message.Subject,
            body.Text,
            body.VisibleText,
            html,
            attachments,
            message.Flags.Split(',', StringSplitOptions.RemoveEmptyEntries),
            message.ThreadMatch,
            JsonSerializer.Deserialize<List<string>>(message.Problems, JsonDefaults.Options) ?? [],
            links.Sign($"{basePath}/raw"));
    }

    private static List<PersonView> Addresses(string json) =>
        (JsonSerializer.Deserialize<List<StoredAddress>>(json, JsonDefaults.Options) ?? []).Select(a => new PersonView(a.Email, a.Name)).ToList();
}
