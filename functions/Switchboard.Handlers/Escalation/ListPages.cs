using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Core.Conversations;
using Switchboard.Storage.Escalation;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// <c>GET /api/oncall/pages?conversationId=&amp;limit=&amp;continuationToken=</c>: pages sent, newest first — every
/// page, or the pages about one conversation. One range query of one partition per call.
/// </summary>
public sealed class ListPages(PageLogStore log)
{
    public async Task<IResult> HandleAsync(PageLogQuery query, CancellationToken cancellationToken = default)
    {
        var (items, next) = await log.ListAsync(query.ConversationId, query.Limit, query.ContinuationToken, cancellationToken);
        return Results.Ok(new PageLogPage([.. items.Select(ToView)], next));
    }

    private static PageView ToView(PageRecord page) => new(
        page.PageId, page.SentAt, page.AgentId, page.Recipient,
        JsonDocument.Parse(page.Channels).RootElement.Clone(), JsonDocument.Parse(page.Conversations).RootElement.Clone(),
        page.AcknowledgedBy, page.AcknowledgedAt);
}

/// <summary>The query of <see cref="ListPages"/>: a conversation to narrow to, a page size and where the last page ended.</summary>
public sealed partial record PageLogQuery(string? ConversationId, int Limit, string? ContinuationToken) : IRequestInput<PageLogQuery>
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public static ValueTask<(PageLogQuery? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Bind(request.Query));

    private static (PageLogQuery?, IResult?) Bind(IQueryCollection query)
    {
        var conversationId = query["conversationId"].FirstOrDefault() is { Length: > 0 } c ? c : null;
        if (conversationId is not null && !ConversationIds.IsConversationId(conversationId))
        {
            return (null, Problems.BadRequest("conversationId is not a conversation id.", "conversationId"));
        }
        var (limit, badLimit) = PagingQuery.Limit(query, DefaultLimit, MaxLimit);
        if (badLimit is not null)
        {
            return (null, badLimit);
        }
        var after = query["continuationToken"].FirstOrDefault() is { Length: > 0 } t ? t : null;
        if (after is not null && !TokenPattern().IsMatch(after))
        {
            return (null, Problems.BadRequest("continuationToken is not one this API returned.", "continuationToken"));
        }
        return (new PageLogQuery(conversationId, limit, after), null);
    }

    [GeneratedRegex("^[0-9]{19}-p[0-9a-f]{20}$")]
    private static partial Regex TokenPattern();
}

/// <summary>One page: when, to whom, by which channels (<c>[{channel, ok, detail}]</c>), about what (<c>[{id, subject, mailbox, level}]</c>), acknowledged by whom and when.</summary>
public sealed record PageView(string Id, DateTimeOffset SentAt, string AgentId, string Recipient, JsonElement Channels, JsonElement Conversations,
    string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt);

public sealed record PageLogPage(IReadOnlyList<PageView> Items, string? ContinuationToken);
