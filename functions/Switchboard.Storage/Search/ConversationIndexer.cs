using Switchboard.Core.Conversations;
using Switchboard.Core.Search;
using Switchboard.Storage.Conversations;

namespace Switchboard.Storage.Search;

/// <summary>
/// Keeps the search index up to date as items are written. The conversation's own terms (subject, customer address and
/// name) are written when it starts, when its subject changes and on a redelivery; each item adds its visible text
/// (an email without quoted history and signature, a note, a call log), its subject words the conversation's subject
/// lacks, and, for mail that came in, its sender. Every write is an idempotent upsert, so a redelivered message
/// indexes nothing twice.
/// </summary>
public sealed class ConversationIndexer(SearchIndexStore index)
{
    /// <summary>Terms indexed per item at most: a long email costs a bounded number of writes.</summary>
    public const int MaxTermsPerItem = 400;

    /// <param name="itemText">The item's visible text when the row does not hold it (a body kept in a blob).</param>
    /// <param name="conversationTerms">Also (re)write the conversation's subject and customer terms.</param>
    public Task IndexAsync(Conversation conversation, MessageEntity item, string? itemText, bool conversationTerms, CancellationToken cancellationToken = default)
    {
        var subjectTerms = SearchTerms.Of(conversation.Subject);
        var terms = SearchTerms.Of(itemText ?? item.VisibleText ?? item.Text)
            .Concat(SearchTerms.Of(item.Subject).Except(subjectTerms));
        if (item.Direction == "inbound")
        {
            terms = terms.Concat(SearchTerms.Of(item.FromEmail)).Concat(SearchTerms.Of(item.FromName));
        }
        if (conversationTerms)
        {
            terms = subjectTerms.Concat(SearchTerms.Of(conversation.CustomerEmail)).Concat(SearchTerms.Of(conversation.CustomerName)).Concat(terms);
        }
        else
        {
            terms = terms.Except(subjectTerms).Except(SearchTerms.Of(conversation.CustomerEmail)).Except(SearchTerms.Of(conversation.CustomerName));
        }
        return index.AddAsync(terms.Distinct(StringComparer.Ordinal).Take(MaxTermsPerItem), conversation.Id, conversation.CreatedAt, cancellationToken);
    }
}
