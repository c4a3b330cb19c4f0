using System.Text.Json;

namespace Switchboard.LocalHost.Demo;

/// <summary>
/// What a teammate does to a conversation, each step once: a reply, note or call whose text is already in the
/// conversation is not added again (replies also carry an <c>Idempotency-Key</c>); changes through PATCH are the same
/// when repeated.
/// </summary>
public sealed class DemoConversations(DemoApi api)
{
    public async Task ReplyAsync(string agentEmail, string id, string key, string text, string statusAfter, CancellationToken cancellationToken)
    {
        var (conversation, etag) = await api.ConversationAsync(id, cancellationToken);
        if (HasItem(conversation, "email", text, outbound: true))
        {
            return;
        }
        var headers = new Dictionary<string, string> { ["If-Match"] = etag, ["Idempotency-Key"] = "demo-" + key };
        await api.AsAgentAsync(agentEmail, HttpMethod.Post, $"/api/conversations/{id}/replies", new { text, statusAfter }, headers, cancellationToken);
    }

    public async Task NoteAsync(string agentEmail, string id, string text, CancellationToken cancellationToken)
    {
        var (conversation, _) = await api.ConversationAsync(id, cancellationToken);
        if (!HasItem(conversation, "note", text))
        {
            await api.AsAgentAsync(agentEmail, HttpMethod.Post, $"/api/conversations/{id}/notes", new { text }, cancellationToken: cancellationToken);
        }
    }

    public async Task CallAsync(string agentEmail, string id, string key, string recap, int durationMinutes, CancellationToken cancellationToken)
    {
        var (conversation, _) = await api.ConversationAsync(id, cancellationToken);
        if (!HasItem(conversation, "call", recap))
        {
            var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "demo-" + key };
            await api.AsAgentAsync(agentEmail, HttpMethod.Post, $"/api/conversations/{id}/calls",
                new { recap, direction = "outbound", durationMinutes, emailToCustomer = false }, headers, cancellationToken);
        }
    }

    public Task PatchAsync(string agentEmail, string id, object change, CancellationToken cancellationToken) =>
        api.AsAgentAsync(agentEmail, HttpMethod.Patch, $"/api/conversations/{id}", change, cancellationToken: cancellationToken);

    /// <summary>The conversation of this customer that holds the message with this Message-ID, once it was processed.</summary>
    public async Task<string?> FindAsync(string customerEmail, string messageId, CancellationToken cancellationToken)
    {
        var (status, customer) = await api.AdminAsync(HttpMethod.Get, $"/api/customers/{Uri.EscapeDataString(customerEmail)}",
            cancellationToken: cancellationToken, allowed: System.Net.HttpStatusCode.NotFound);
        if (status == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        foreach (var item in customer.GetProperty("conversations").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString()!;
            var (conversation, _) = await api.ConversationAsync(id, cancellationToken);
            if (conversation.GetProperty("messages").EnumerateArray().Any(m => (m.GetProperty("messageId").GetString() ?? "").Trim('<', '>') == messageId.Trim('<', '>')))
            {
                return id;
            }
        }
        return null;
    }

    /// <summary>Waits for <see cref="FindAsync"/> while the queue pump processes the mail.</summary>
    public async Task<string> AwaitAsync(string customerEmail, string messageId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (await FindAsync(customerEmail, messageId, cancellationToken) is { } id)
            {
                return id;
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"The mail {messageId} from {customerEmail} did not reach a conversation within a minute; is the queue pump off?");
    }

    private static bool HasItem(JsonElement conversation, string kind, string text, bool outbound = false) =>
        conversation.GetProperty("messages").EnumerateArray().Any(m =>
            m.GetProperty("kind").GetString() == kind
            && (!outbound || m.GetProperty("direction").GetString() == "outbound")
            && (m.GetProperty("text").GetString() ?? "").Contains(FirstLine(text), StringComparison.Ordinal));

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
