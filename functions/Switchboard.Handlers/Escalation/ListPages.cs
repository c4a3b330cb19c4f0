using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Switchboard.Core.Conversations;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.Escalation;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// <c>GET /api/oncall/pages?conversationId=&amp;limit=&amp;continuationToken=</c>: pages sent, newest first — every
/// page, or the pages about one conversation. One range query of one partition per call.
/// </summary>
public sealed partial class ListPages(AgentAuthenticator auth, PageLogStore log)
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var query = request.Query;
        var conversationId = query["conversationId"].FirstOrDefault() is { Length: > 0 } c ? c : null;
        if (conversationId is not null && !ConversationIds.IsConversationId(conversationId))
        {
            return Problems.BadRequest("conversationId is not a conversation id.", "conversationId");
        }
        var (limit, badLimit) = PagingQuery.Limit(query, DefaultLimit, MaxLimit);
        if (badLimit is not null)
        {
            return badLimit;
        }
        var after = query["continuationToken"].FirstOrDefault() is { Length: > 0 } t ? t : null;
        if (after is not null && !TokenPattern().IsMatch(after))
        {
            return Problems.BadRequest("continuationToken is not one this API returned.", "continuationToken");
        }
        var (items, next) = await log.ListAsync(conversationId, limit, after, cancellationToken);
        return Results.Ok(new PageLogPage([.. items.Select(ToView)], next));
    }

    private static PageView ToView(PageRecord page) => new(
        page.PageId, page.SentAt, page.AgentId, page.Recipient,
        JsonDocument.Parse(page.Channels).RootElement.Clone(), JsonDocument.Parse(page.Conversations).RootElement.Clone(),
        page.AcknowledgedBy, page.AcknowledgedAt);

    [GeneratedRegex("^[0-9]{19}-p[0-9a-f]{20}$")]
    private static partial Regex TokenPattern();
}

/// <summary>One page: when, to whom, by which channels (<c>[{channel, ok, detail}]</c>), about what (<c>[{id, subject, mailbox, level}]</c>), acknowledged by whom and when.</summary>
public sealed record PageView(string Id, DateTimeOffset SentAt, string AgentId, string Recipient, JsonElement Channels, JsonElement Conversations,
    string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt);

public sealed record PageLogPage(IReadOnlyList<PageView> Items, string? ContinuationToken);
