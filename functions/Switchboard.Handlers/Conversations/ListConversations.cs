using Azure;
using Switchboard.Core.Conversations;
using Switchboard.Core.Inbound;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Conversations;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// <c>GET /api/conversations?view=&amp;mailbox=&amp;status=&amp;limit=&amp;continuationToken=</c>: the inbox, newest
/// activity first, one range query on <c>InboxIndex</c> per page. <c>view</c>: all (default), mine (assigned to the
/// caller), unassigned. Without a mailbox, all mailboxes; without a status, open. Each item says whether it is unread
/// for the caller (at most two more queries, of the caller's <c>ReadMarks</c>).
/// </summary>
public sealed class ListConversations(InboxIndex inbox, Mailboxes mailboxes, Teammates team, ReadMarkStore reads)
{
    public static readonly IReadOnlyList<string> Views = ["all", "mine", "unassigned"];

    public async Task<IResult> HandleAsync(Agent agent, InboxQuery query, CancellationToken cancellationToken = default)
    {
        var (mailbox, view, status, limit, storageToken) = query;
        if (mailbox is not null && !mailboxes.All.Contains(mailbox))
        {
            return Problems.BadRequest($"Unknown mailbox '{mailbox}'. Known: {string.Join(", ", mailboxes.All)}.", "mailbox");
        }
        var me = await team.CallerAsync(agent, cancellationToken);
        if (view == "mine" && me is null)
        {
            return Problems.BadRequest("view=mine needs a signed-in agent; an API key is assigned nothing.", "view");
        }

        try
        {
            var (rows, next) = view switch
            {
                "mine" => await inbox.PageByAssigneeAsync(me!.Id, mailbox, status.ToWire(), limit, storageToken, cancellationToken),
                "unassigned" => await inbox.PageByAssigneeAsync(null, mailbox, status.ToWire(), limit, storageToken, cancellationToken),
                _ => await inbox.PageAsync(mailbox, status.ToWire(), limit, storageToken, cancellationToken),
            };
            var unique = rows.DistinctBy(r => r.ConversationId).ToList(); // a row left behind by a write that died before settling its rows (InboxIndex.SettleAsync) shows once
            var seen = await reads.ReadAsync(me?.Id ?? agent.Id, [.. unique.Select(r => r.ConversationId)], cancellationToken);
            var items = unique
                .Select(r => new ConversationSummary(r.ConversationId, r.Subject, r.Status, r.Mailbox,
                    new PersonView(r.CustomerEmail, r.CustomerName), r.MessageCount, r.LastActivityAt, r.Preview,
                    r.AssigneeId, ConversationTags.Split(r.Tags), r.SnoozedUntil,
                    Unread: !seen.TryGetValue(r.ConversationId, out var seenAt) || seenAt < r.LastActivityAt, r.LatestRating))
                .ToList();
            return Results.Ok(new ConversationPage(items, next is null ? null : PagingQuery.Wrap(next)));
        }
        catch (RequestFailedException e) when (e.Status == 400 && storageToken is not null)
        {
            return PagingQuery.NotOurs;
        }
    }
}

/// <summary>
/// The query of <c>GET /api/conversations</c>, read and shape-checked (400 naming the parameter). Whether the mailbox
/// is one of ours is the handler's check, as it depends on settings.
/// </summary>
/// <param name="Continuation">The storage position a continuationToken holds; null for the first page.</param>
public sealed record InboxQuery(string? Mailbox, string View, ConversationStatus Status, int Limit, string? Continuation)
    : IRequestInput<InboxQuery>
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public static ValueTask<(InboxQuery? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Bind(request.Query));

    private static (InboxQuery?, IResult?) Bind(IQueryCollection query)
    {
        var mailbox = query["mailbox"].FirstOrDefault() is { Length: > 0 } m ? m.Trim().ToLowerInvariant() : null;
        var view = query["view"].FirstOrDefault() is { Length: > 0 } v ? v : "all";
        if (!ListConversations.Views.Contains(view))
        {
            return (null, Problems.BadRequest("view must be one of all, mine, unassigned.", "view"));
        }
        var status = ConversationStatus.Open;
        if (query["status"].FirstOrDefault() is { Length: > 0 } s && !ConversationStatuses.TryParse(s, out status))
        {
            return (null, Problems.BadRequest("status must be one of open, pending, snoozed, closed.", "status"));
        }
        var (limit, badLimit) = PagingQuery.Limit(query, DefaultLimit, MaxLimit);
        if (badLimit is not null)
        {
            return (null, badLimit);
        }
        var (position, badToken) = PagingQuery.Continuation(query);
        return badToken is not null ? (null, badToken) : (new InboxQuery(mailbox, view, status, limit, position), null);
    }
}
