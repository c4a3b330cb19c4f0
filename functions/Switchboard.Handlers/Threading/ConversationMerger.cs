using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Handlers.Escalation;
using Switchboard.Storage.Search;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Customers;
using Switchboard.Storage.Escalation;

namespace Switchboard.Handlers.Threading;

/// <summary>
/// Folds a younger conversation into an older one when a message links the two (it references messages of both, or a
/// parent arrived after its replies had started their own conversation): no split survives. Every row of the younger
/// (messages, notes, calls, drafts) is copied into the older's partition; the older's head takes the counts, dates,
/// tags, participants and, when it had none, the assignee; the inbox, search index, customer history and escalation
/// follow; and the younger's head is marked <see cref="ConversationEntity.MergedInto"/>, so its id stays an alias
/// (threading, the inbound writer and <c>GET /api/conversations/{id}</c> follow it).
/// Safe to run twice and alongside writers: copies are upserts, the head's summary is recomputed from the rows, and
/// the younger is marked only if nothing was added to it since its rows were read (else the copy runs again).
/// </summary>
public sealed class ConversationMerger(
    ConversationStore conversations,
    InboxIndex inbox,
    ConversationIndexer search,
    CustomerStore customers,
    EscalationStore escalations,
    EscalationEngine escalation,
    MessageContentStore content,
    TimeProvider time,
    ILogger<ConversationMerger> logger)
{
    private const int MaxAttempts = 20;

    /// <summary>
    /// Makes one conversation of <paramref name="conversationId"/> and each of <paramref name="linkedIds"/>: the younger
    /// (by creation, then id) of each pair folds into the older. Returns the id they all stand for.
    /// </summary>
    public async Task<string> LinkAsync(string conversationId, IReadOnlyList<string> linkedIds, CancellationToken cancellationToken = default)
    {
        foreach (var other in linkedIds.Distinct(StringComparer.Ordinal))
        {
            var a = await conversations.GetLiveHeadAsync(conversationId, cancellationToken);
            var b = await conversations.GetLiveHeadAsync(other, cancellationToken);
            if (a is null || b is null || a.PartitionKey == b.PartitionKey)
            {
                continue;
            }
            var (older, younger) = IsOlder(a, b) ? (a, b) : (b, a);
            conversationId = await MergeAsync(younger.PartitionKey, older.PartitionKey, cancellationToken);
        }
        return conversationId;
    }

    private static bool IsOlder(ConversationEntity a, ConversationEntity b) =>
        a.CreatedAt < b.CreatedAt || (a.CreatedAt == b.CreatedAt && string.CompareOrdinal(a.PartitionKey, b.PartitionKey) < 0);

    /// <summary>Merges <paramref name="youngerId"/> into <paramref name="olderId"/>; returns the id both now stand for.</summary>
    public async Task<string> MergeAsync(string youngerId, string olderId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0)
            {
                // Spacing between retries while other writers finish; wall-clock on purpose (not business time).
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + 10 * attempt)), cancellationToken);
            }
            var target = await conversations.GetLiveHeadAsync(olderId, cancellationToken);
            var source = await conversations.GetHeadAsync(youngerId, cancellationToken);
            if (target is null || source is null || source.PartitionKey == target.PartitionKey)
            {
                return target?.PartitionKey ?? olderId;
            }
            if (source.MergedInto is { Length: > 0 })
            {
                return (await conversations.GetLiveHeadAsync(source.MergedInto, cancellationToken))?.PartitionKey ?? source.MergedInto;
            }

            var rows = await conversations.GetItemRowsAsync(source.PartitionKey, cancellationToken);
            await conversations.CopyItemRowsAsync(target.PartitionKey, rows, cancellationToken);
            var previous = (target.Status, target.IndexRowKey, target.AssigneeId);
            if (!await AbsorbIntoHeadAsync(target, source, cancellationToken))
            {
                continue;
            }
            var alias = source.ToConversation();
            alias.MergeInto(target.PartitionKey, time.GetUtcNow());
            if (!await conversations.TryReplaceHeadAsync(alias.ToEntity(source.ETag), cancellationToken))
            {
                continue; // something was added to the younger meanwhile: copy again
            }

            await inbox.RemoveAsync(source, cancellationToken);
            await inbox.MoveAsync(target.ToConversation(), previous.Status, previous.IndexRowKey, previous.AssigneeId, cancellationToken);
            await ReindexAsync(target, rows, cancellationToken);
            await RelinkPeopleAsync(source, target, cancellationToken);
            await SettleEscalationAsync(source.PartitionKey, target.PartitionKey, cancellationToken);
            logger.LogInformation("Conversation {Younger} merged into {Older} ({Rows} rows).", source.PartitionKey, target.PartitionKey, rows.Count);
            return target.PartitionKey;
        }
        throw new InvalidOperationException($"Conversation {youngerId} kept changing while being merged into {olderId}; the message will be retried.");
    }

    /// <summary>The older head after the merge, written if its ETag still matches; false when it changed (or was merged itself).</summary>
    private async Task<bool> AbsorbIntoHeadAsync(ConversationEntity target, ConversationEntity source, CancellationToken cancellationToken)
    {
        var (_, messages) = await conversations.GetAsync(target.PartitionKey, cancellationToken);
        target.MessageCount = messages.Count;
        target.Version = Math.Max(target.Version, source.Version) + 1;
        target.LastActivityAt = Max(target.LastActivityAt, source.LastActivityAt);
        if (source.LastActivityAt > target.LastActivityAt || source.LastActivityAt == target.LastActivityAt && source.Preview.Length > 0)
        {
            target.Preview = source.Preview;
        }
        if (source.EarliestSentAt < target.EarliestSentAt)
        {
            (target.EarliestSentAt, target.Subject) = (source.EarliestSentAt, source.Subject);
        }
        target.CreatedAt = target.CreatedAt < source.CreatedAt ? target.CreatedAt : source.CreatedAt;
        target.Tags = string.Join(',', target.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Concat(source.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal));
        target.AssigneeId ??= source.AssigneeId;
        target.FirstResponseAt = Min(target.FirstResponseAt, source.FirstResponseAt);
        if (source.Status == "open" && target.Status != "open")
        {
            // The customer is waiting in the younger conversation: the merged one is waiting too.
            (target.Status, target.ClosedAt, target.SnoozedUntil) = ("open", null, null);
        }
        target.Participants = MergedParticipants(target, source);
        target.IndexRowKey = InboxIndex.RowKeyFor(target.LastActivityAt, target.PartitionKey);
        return await conversations.TryReplaceHeadAsync(target, cancellationToken);
    }

    private static string MergedParticipants(ConversationEntity target, ConversationEntity source)
    {
        var people = JsonSerializer.Deserialize<List<StoredPerson>>(target.Participants, JsonDefaults.Options) ?? [];
        var others = JsonSerializer.Deserialize<List<StoredPerson>>(source.Participants, JsonDefaults.Options) ?? [];
        foreach (var person in others.Where(p => !people.Any(known => string.Equals(known.Email, p.Email, StringComparison.OrdinalIgnoreCase))))
        {
            // The younger's customer is a participant of the older one (unless it is the same person).
            people.Add(person.Role == "customer" ? person with { Role = "participant" } : person);
        }
        return JsonSerializer.Serialize(people, JsonDefaults.Options);
    }

    private async Task ReindexAsync(ConversationEntity target, IReadOnlyList<Azure.Data.Tables.TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows.Where(r => r.RowKey.StartsWith('m')))
        {
            var message = await conversations.GetMessageAsync(target.PartitionKey, row.RowKey, cancellationToken);
            if (message is null)
            {
                continue;
            }
            var text = message.BodyBlobName is { } blob && message.VisibleText is null
                ? (await content.ReadBodyAsync(blob, cancellationToken)).VisibleText
                : null;
            await search.IndexAsync(target.ToConversation(), message, text, conversationTerms: false, cancellationToken);
        }
        await search.IndexAsync(target.ToConversation(), new MessageEntity { Direction = "outbound" }, "", conversationTerms: true, cancellationToken);
    }

    private async Task RelinkPeopleAsync(ConversationEntity source, ConversationEntity target, CancellationToken cancellationToken)
    {
        var people = (JsonSerializer.Deserialize<List<StoredPerson>>(source.Participants, JsonDefaults.Options) ?? [])
            .Select(p => p.Email).Append(source.CustomerEmail)
            .Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var email in people)
        {
            await customers.RelinkConversationAsync(email, source.PartitionKey, target.PartitionKey, target.LastActivityAt, cancellationToken);
        }
    }

    /// <summary>
    /// One escalation per conversation: the younger's stops when the older has its own running; otherwise it goes on,
    /// deciding on the merged conversation (the engine follows the alias), so paging neither doubles nor stops early.
    /// </summary>
    private async Task SettleEscalationAsync(string youngerId, string olderId, CancellationToken cancellationToken)
    {
        if (await escalations.GetAsync(olderId, cancellationToken) is { State: EscalationStates.Active })
        {
            await escalation.StopAsync(youngerId, EscalationStates.Resolved, $"merged into {olderId}", null, cancellationToken);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>One participant as the head row's JSON holds it (role as its wire name).</summary>
    private sealed record StoredPerson(string Email, string? Name, string Role, bool Flagged);
}
