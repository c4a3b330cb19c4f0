using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Switchboard.Core.Conversations;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Inbound;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// <c>GET /api/conversations/{id}/messages/{messageId}/raw</c>: the message exactly as received.
/// Needs a signed-in agent, an API key or a signed link from <see cref="GetConversation"/>.
/// </summary>
public sealed class DownloadRawMessage(MessagePartAccess access, MessageContentStore content)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, string messageId, CancellationToken cancellationToken = default)
    {
        var (message, rejection) = await access.FindAsync(request, id, messageId, cancellationToken);
        if (message is null)
        {
            return rejection!;
        }
        var stream = await content.OpenAsync(message.RawBlobName, cancellationToken);
        return stream is null
            ? Problems.NotFound("The raw source of this message is no longer stored.")
            : Results.Stream(stream, "message/rfc822", fileDownloadName: $"{messageId}.eml");
    }
}

/// <summary><c>GET /api/conversations/{id}/messages/{messageId}/attachments/{index}</c>: one attachment or inline image.</summary>
public sealed class DownloadAttachment(MessagePartAccess access, MessageContentStore content)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, string messageId, int index, CancellationToken cancellationToken = default)
    {
        var (message, rejection) = await access.FindAsync(request, id, messageId, cancellationToken);
        if (message is null)
        {
            return rejection!;
        }
        var attachments = JsonSerializer.Deserialize<List<StoredAttachment>>(message.Attachments, JsonDefaults.Options) ?? [];
        if (index < 0 || index >= attachments.Count)
        {
            return Problems.NotFound($"Message '{messageId}' has no attachment {index}.");
        }
        var attachment = attachments[index];
        var stream = await content.OpenAsync(attachment.BlobName, cancellationToken);
        if (stream is null)
        {
            return Problems.NotFound("This attachment is no longer stored.");
        }
        // Inline images may be shown; anything else downloads, so that no attachment runs as a page of ours.
        return attachment.Inline && attachment.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            ? Results.Stream(stream, attachment.ContentType)
            : Results.Stream(stream, "application/octet-stream", fileDownloadName: attachment.Name);
    }
}

/// <summary>Finds a message for a download, after checking the caller holds an API key or a valid signed link.</summary>
public sealed class MessagePartAccess(AgentAuthenticator auth, LinkSigner links, ConversationStore conversations)
{
    public async Task<(MessageEntity? Message, IResult? Rejection)> FindAsync(HttpRequest request, string id, string messageId, CancellationToken cancellationToken)
    {
        if (!links.IsValid(request) && (await auth.AuthenticateAsync(request, cancellationToken)).Agent is null)
        {
            return (null, Problems.Unauthorized("Send an API key as Authorization: Bearer <key>, or use a link from the conversation (links expire after an hour)."));
        }
        if (!ConversationIds.IsWellFormed(id) || !ConversationIds.IsWellFormed(messageId))
        {
            return (null, Problems.NotFound($"There is no message '{messageId}' in conversation '{id}'."));
        }
        var message = await conversations.GetMessageAsync(id, messageId, cancellationToken);
        return message is null
            ? (null, Problems.NotFound($"There is no message '{messageId}' in conversation '{id}'."))
            : (message, null);
    }
}
