using System.Text.Json;
using Switchboard.Core.Conversations;
using Switchboard.Handlers.Auth;
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
    public async Task<IResult> HandleAsync(string id, string messageId, CancellationToken cancellationToken = default)
    {
        var (message, missing) = await access.FindAsync(id, messageId, cancellationToken);
        if (message is null)
        {
            return missing!;
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
    public async Task<IResult> HandleAsync(string id, string messageId, int index, CancellationToken cancellationToken = default)
    {
        var (message, missing) = await access.FindAsync(id, messageId, cancellationToken);
        if (message is null)
        {
            return missing!;
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

/// <summary>
/// Who may download a message's parts, and the message. A download is followed by the browser from a link of
/// <see cref="GetConversation"/>, which cannot carry a header: a valid signed link admits it; without one, it is an
/// agent endpoint like any other (<see cref="AgentApi"/>).
/// </summary>
public sealed class MessagePartAccess(AgentApi api, LinkSigner links, ConversationStore conversations)
{
    public Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> download, CancellationToken cancellationToken) =>
        links.IsValid(request) ? download() : api.RunAsync(request, Callers.AnyAgent, _ => download(), cancellationToken);

    /// <summary>The message, or 404 (also for ids that could name nothing, so they never reach a key).</summary>
    public async Task<(MessageEntity? Message, IResult? Missing)> FindAsync(string id, string messageId, CancellationToken cancellationToken)
    {
        var message = ConversationIds.IsWellFormed(id) && ConversationIds.IsWellFormed(messageId)
            ? await conversations.GetMessageAsync(id, messageId, cancellationToken)
            : null;
        return message is null
            ? (null, Problems.NotFound($"There is no message '{messageId}' in conversation '{id}'."))
            : (message, null);
    }
}
