using Switchboard.Core.Conversations;
using Switchboard.Core.Search;
using Switchboard.Handlers.Conversations;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Search;

namespace Switchboard.Handlers.Search;

/// <summary>
/// <c>GET /api/search?q=&amp;limit=&amp;continuationToken=</c>: conversations containing every word of the query (in the
/// subject, the customer's address or name, or the text of any message, reply or note), newest conversation first.
/// Reads the partition of the longest query term (longer words are rarer) and checks the other terms with point reads
/// on the same RowKey; a page stops after <see cref="MaxCandidatesPerPage"/> candidates, so a rare combination of
/// common words answers a short page with a continuation token rather than reading the whole partition at once.
/// </summary>
public sealed class SearchConversations(SearchIndexStore index, ConversationStore conversations)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    public const int MaxTerms = 8;
    public const int MaxCandidatesPerPage = 500;
    private const int VerifyBatch = 50;

    public async Task<IResult> HandleAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var (terms, limit, after) = query;

        var driving = terms.OrderByDescending(t => t.Length).First();
        var others = terms.Where(t => t != driving).ToList();
        var found = new List<SearchHit>(limit);
        var scanned = 0;
        var exhausted = false;
        while (true)
        {
            // One term: a page of the partition is the answer, and one row more tells whether there is a next page.
            var take = others.Count == 0 ? limit - found.Count + 1 : VerifyBatch;
            var hits = await index.PageAsync(driving, after, take, cancellationToken);
            scanned += hits.Count;
            var matches = await Task.WhenAll(hits.Select(h => HasAllAsync(others, h, cancellationToken)));
            var i = 0;
            for (; i < hits.Count && found.Count < limit; i++)
            {
                after = hits[i].RowKey;
                if (matches[i])
                {
                    found.Add(hits[i]);
                }
            }
            var partitionDone = hits.Count < take;
            if (found.Count == limit || partitionDone)
            {
                exhausted = partitionDone && i == hits.Count;
                break;
            }
            if (scanned >= MaxCandidatesPerPage)
            {
                break;
            }
        }

        var heads = await Task.WhenAll(found.Select(h => conversations.GetHeadAsync(h.ConversationId, cancellationToken)));
        // A merged conversation's terms were indexed again under the conversation it was folded into.
        var items = heads.OfType<ConversationEntity>()
            .Where(h => h.MergedInto is null)
            .Select(ConversationSummary.Of)
            .ToList();
        var next = exhausted || after is null ? null : PagingQuery.Wrap(after);
        return Results.Ok(new SearchResults(terms, items, next));
    }

    private async Task<bool> HasAllAsync(List<string> terms, SearchHit hit, CancellationToken cancellationToken)
    {
        foreach (var term in terms)
        {
            if (!await index.ContainsAsync(term, hit.RowKey, cancellationToken))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The token is the last RowKey looked at: 19 digits, "-", a conversation id.</summary>
    internal static bool IsRowKey(string position) =>
        position.Length == 44 && position[19] == '-' && position[..19].All(char.IsAsciiDigit) && ConversationIds.IsWellFormed(position[20..]);
}

/// <summary>
/// The query of <c>GET /api/search</c>: the words of <c>q</c> (after dropping common words; 400 when none or too many),
/// <c>limit</c>, and the position a <c>continuationToken</c> holds.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Terms, int Limit, string? After) : IRequestInput<SearchQuery>
{
    private const int MaxQueryLength = 200;

    public static ValueTask<(SearchQuery? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Bind(request.Query));

    private static (SearchQuery?, IResult?) Bind(IQueryCollection query)
    {
        var q = query["q"].FirstOrDefault() ?? "";
        if (q.Length > MaxQueryLength)
        {
            return (null, Problems.BadRequest($"q is limited to {MaxQueryLength} characters.", "q"));
        }
        var terms = SearchTerms.OfQuery(q);
        if (terms.Count == 0)
        {
            return (null, Problems.BadRequest("q needs at least one word to search for (common words such as \"the\" are not indexed).", "q"));
        }
        if (terms.Count > SearchConversations.MaxTerms)
        {
            return (null, Problems.BadRequest($"q may hold at most {SearchConversations.MaxTerms} words.", "q"));
        }
        var (limit, badLimit) = PagingQuery.Limit(query, SearchConversations.DefaultLimit, SearchConversations.MaxLimit);
        if (badLimit is not null)
        {
            return (null, badLimit);
        }
        var (after, badToken) = PagingQuery.Continuation(query, SearchConversations.IsRowKey);
        return badToken is not null ? (null, badToken) : (new SearchQuery(terms, limit, after), null);
    }
}

/// <summary>The answer of a search: the terms searched for (after dropping common words), the matches, the next page.</summary>
public sealed record SearchResults(IReadOnlyList<string> Terms, IReadOnlyList<ConversationSummary> Items, string? ContinuationToken);
