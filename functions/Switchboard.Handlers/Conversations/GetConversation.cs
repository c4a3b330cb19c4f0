using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Switchboard.Core.Conversations;
using Switchboard.Core.Inbound;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// <c>GET /api/conversations/{id}</c>: the conversation with every message, oldest first. Attachment, inline image and
/// raw-source links are signed, so the browser can follow them; inline images (cid:) in the HTML point at them.
/// </summary>
public sealed class GetConversation(AgentAuthenticator auth, ConversationStore conversations, MessageContentStore content, LinkSigner links)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (!ConversationIds.IsWellFormed(id) || id[0] != 'c')
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }
        var (head, messages) = await conversations.GetAsync(id, cancellationToken);
        if (head is null)
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }

        var views = new List<MessageView>(messages.Count);
        foreach (var message in messages.OrderBy(m => m.SentAt).ThenBy(m => m.ReceivedAt))
        {
            views.Add(await ViewAsync(id, message, cancellationToken));
        }
        var participants = JsonSerializer.Deserialize<List<Participant>>(head.Participants, JsonDefaults.Options) ?? [];
        request.HttpContext.Response.Headers.ETag = ConversationVersions.ETag(head.Version);
        return Results.Ok(new ConversationDetail(
            id, head.Subject, head.Status, head.Mailbox, new PersonView(head.CustomerEmail, head.CustomerName),
            participants.Select(p => new ParticipantView(p.Email, p.Name, p.Role, p.Flagged)).ToList(),
            Mailboxes.ReplyAddress(head.Mailbox, head.ReplyToken),
            head.LinkedConversationId, head.CreatedAt, head.LastActivityAt,
            head.AssigneeId, head.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries), head.SnoozedUntil, head.FirstResponseAt,
            head.Version, views));
    }

    private async Task<MessageView> ViewAsync(string conversationId, MessageEntity message, CancellationToken cancellationToken)
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
