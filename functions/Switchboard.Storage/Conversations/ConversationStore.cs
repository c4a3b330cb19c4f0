namespace Switchboard.Storage.Conversations;

/// <summary>Table <c>Conversations</c>: a conversation's head row and its messages in one partition.</summary>
public sealed class ConversationStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.ConversationsTable);

    public async Task<ConversationEntity?> GetHeadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var head = await Table.GetEntityIfExistsAsync<ConversationEntity>(conversationId, ConversationEntity.HeadRowKey, cancellationToken: cancellationToken);
        return head.HasValue ? head.Value : null;
    }

    /// <summary>The head (a point read) and every message (one range query over the partition).</summary>
    public async Task<(ConversationEntity? Head, IReadOnlyList<MessageEntity> Messages)> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var head = await GetHeadAsync(conversationId, cancellationToken);
        var messages = new List<MessageEntity>();
        if (head is null)
        {
            return (null, messages);
        }
        await foreach (var message in Table.QueryAsync<MessageEntity>(
            e => e.PartitionKey == conversationId && e.RowKey.CompareTo("m") >= 0 && e.RowKey.CompareTo("n") < 0,
            cancellationToken: cancellationToken))
        {
            messages.Add(message);
        }
        return (head, messages);
    }

    /// <summary>
    /// The conversation an id now stands for: itself, or — when it was merged — the conversation it was folded into,
    /// followed to the end of the chain. Null when no head exists.
    /// </summary>
    public async Task<ConversationEntity?> GetLiveHeadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var head = await GetHeadAsync(conversationId, cancellationToken);
        for (var hops = 0; head?.MergedInto is { Length: > 0 } into && hops < MaxAliasHops; hops++)
        {
            head = await GetHeadAsync(into, cancellationToken);
        }
        return head;
    }

    private const int MaxAliasHops = 16;

    /// <summary>
    /// How many emails (in and out; not notes or calls) the conversation's rows hold: what its head's message count
    /// says. One range query reading only each row's kind; a merge counts after copying rows in.
    /// </summary>
    public async Task<int> CountEmailsAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var row in Table.QueryAsync<TableEntity>(
            e => e.PartitionKey == conversationId && e.RowKey.CompareTo("m") >= 0 && e.RowKey.CompareTo("n") < 0,
            select: [nameof(MessageEntity.Kind)], cancellationToken: cancellationToken))
        {
            if ((row.GetString(nameof(MessageEntity.Kind)) ?? MessageKinds.Email) == MessageKinds.Email)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Every row of the conversation but its head (messages, notes, calls, drafts), with all their properties.</summary>
    public async Task<IReadOnlyList<TableEntity>> GetItemRowsAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == conversationId && e.RowKey != ConversationEntity.HeadRowKey,
            cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The conversation's draft rows (RowKeys <c>d…</c>), with all their properties: one range query.</summary>
    public async Task<IReadOnlyList<TableEntity>> GetDraftRowsAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(
            e => e.PartitionKey == conversationId && e.RowKey.CompareTo("d") >= 0 && e.RowKey.CompareTo("e") < 0, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Writes the rows into another conversation's partition, keeping their RowKeys (upserts, 100 per transaction).</summary>
    public async Task CopyItemRowsAsync(string conversationId, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken = default)
    {
        foreach (var batch in rows.Chunk(100))
        {
            var actions = batch.Select(row =>
            {
                var copy = new TableEntity(row) { PartitionKey = conversationId, RowKey = row.RowKey, ETag = default };
                copy.Remove("odata.etag");
                copy.Remove("Timestamp");
                return new TableTransactionAction(TableTransactionActionType.UpsertReplace, copy);
            });
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes rows that were copied into another conversation, each only if unchanged since it was read; returns, as
    /// they are now, those that changed meanwhile (to copy again before deleting them).
    /// </summary>
    public async Task<IReadOnlyList<TableEntity>> RemoveCopiedRowsAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken = default)
    {
        var changed = new List<TableEntity>();
        foreach (var row in rows)
        {
            try
            {
                await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                var now = await Table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
                if (now.HasValue && now.Value is { } fresh)
                {
                    changed.Add(fresh);
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
        }
        return changed;
    }

    /// <summary>
    /// A message (note, call) of the conversation — or, when it is not there and the conversation was merged into
    /// another, of that one: an item added through the old id went there (one more point read, on a miss only).
    /// </summary>
    public async Task<MessageEntity?> GetMessageAsync(string conversationId, string messageRowKey, CancellationToken cancellationToken = default)
    {
        if (await GetOwnMessageAsync(conversationId, messageRowKey, cancellationToken) is { } message)
        {
            return message;
        }
        return await GetHeadAsync(conversationId, cancellationToken) is { MergedInto: { Length: > 0 } survivorId }
            && await GetLiveHeadAsync(survivorId, cancellationToken) is { } survivor
            ? await GetOwnMessageAsync(survivor.PartitionKey, messageRowKey, cancellationToken)
            : null;
    }

    /// <summary>A message in the conversation's own partition only (a retry's first look: a miss costs nothing more).</summary>
    public async Task<MessageEntity?> GetOwnMessageAsync(string conversationId, string messageRowKey, CancellationToken cancellationToken = default)
    {
        var message = await Table.GetEntityIfExistsAsync<MessageEntity>(conversationId, messageRowKey, cancellationToken: cancellationToken);
        return message.HasValue ? message.Value : null;
    }

    /// <summary>
    /// Writes the message and its conversation's head in one transaction: the head inserted (a new conversation) or
    /// replaced if its ETag still matches.
    /// </summary>
    public async Task<AppendOutcome> AppendAsync(ConversationEntity head, MessageEntity message, bool isNewConversation, CancellationToken cancellationToken = default)
    {
        var actions = new List<TableTransactionAction>
        {
            isNewConversation
                ? new TableTransactionAction(TableTransactionActionType.Add, head)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, head, head.ETag),
            new(TableTransactionActionType.Add, message),
        };
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
            return AppendOutcome.Appended;
        }
        catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 1 && e.Status == 409)
        {
            return AppendOutcome.AlreadyStored;
        }
        catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status is 409 or 412)
        {
            return AppendOutcome.HeadChanged;
        }
    }

    /// <summary>Replaces the head if its ETag still matches; false when someone else wrote it first. Only <see cref="ConversationUpdater"/> calls it.</summary>
    public Task<bool> TryReplaceHeadAsync(ConversationEntity head, CancellationToken cancellationToken = default) =>
        Table.TryReplaceAsync(head, cancellationToken);

    /// <summary>Replaces a message row (delivery state) if its ETag still matches.</summary>
    public Task<bool> TryReplaceMessageAsync(MessageEntity message, CancellationToken cancellationToken = default) =>
        Table.TryReplaceAsync(message, cancellationToken);
}

public enum AppendOutcome
{
    Appended,
    /// <summary>This message is already in the conversation (a redelivery).</summary>
    AlreadyStored,
    /// <summary>Someone else wrote the head first: read it again and retry.</summary>
    HeadChanged,
}
