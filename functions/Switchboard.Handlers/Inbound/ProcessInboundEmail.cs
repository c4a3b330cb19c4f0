using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Inbound;
using Switchboard.Core.Threading;
using Switchboard.Handlers.Replies;
using Switchboard.Handlers.Telemetry;
using Switchboard.Handlers.Threading;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Events;
using Switchboard.Storage.Inbound;
using Switchboard.Storage.Threading;

namespace Switchboard.Handlers.Inbound;

/// <summary>
/// Queue <c>inbound-email</c>: parses a stored raw message, finds its conversation and stores it. Safe to run twice for
/// the same message; a message it cannot parse is still stored, flagged "unparsed".
/// </summary>
public sealed class ProcessInboundEmail(
    RawMailStore rawMail,
    ThreadResolver resolver,
    ThreadKeyStore threadKeys,
    ConversationStore conversations,
    ConversationWriter writer,
    EventQueue events,
    Mailboxes mailboxes,
    OwnMessageIds ownMessageIds,
    AgentMailReplies agentMailReplies,
    ConversationMerger merger,
    SwitchboardMetrics metrics,
    ILogger<ProcessInboundEmail> logger)
{
    /// <summary>
    /// A message that loses a race to a related one (it took the keys first, or is still writing its conversation) is
    /// threaded again, at most this often, before the queue's retry takes over.
    /// </summary>
    private const int MaxResolveAttempts = 5;

    /// <summary>What became of a message, as the span tag and metric tag <c>switchboard.outcome</c>.</summary>
    public static class Outcomes
    {
        public const string NewConversation = "new-conversation";
        public const string ExistingConversation = "existing-conversation";
        public const string Duplicate = "duplicate";
        public const string NoConversation = "no-conversation";
        public const string AgentReply = "agent-reply";
    }

    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        using var activity = SwitchboardTelemetry.Source.StartActivity(nameof(ProcessInboundEmail));
        try
        {
            var outcome = await ProcessAsync(message, cancellationToken);
            activity?.SetTag(SwitchboardTelemetry.Tags.Outcome, outcome);
            metrics.MessageProcessed(outcome);
        }
        catch (Exception e)
        {
            activity.Failed(e);
            throw;
        }
    }

    private async Task<string> ProcessAsync(string message, CancellationToken cancellationToken)
    {
        var received = QueueMessages.Read<InboundEmailReceived>(message, QueueNames.InboundEmail, JsonDefaults.Options,
            r => string.IsNullOrEmpty(r.RawBlobName) ? "rawBlobName" : null);
        Activity.Current?.SetTag(SwitchboardTelemetry.Tags.InboundId, received.Id);
        var email = MailParser.Parse(await rawMail.ReadAsync(received.RawBlobName, cancellationToken));
        var (mailbox, tokens) = mailboxes.Route(received.EnvelopeTo, email.To, email.Cc);
        var incoming = new IncomingMessage(email, mailbox, tokens, ownMessageIds.IsOurs(email.MessageId));
        if (await agentMailReplies.TryHandleAsync(incoming, received, cancellationToken))
        {
            return Outcomes.AgentReply;
        }
        var lookup = new ThreadLookup(threadKeys, conversations);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await ThreadAndStoreAsync(incoming, received, lookup, cancellationToken) is { } outcome)
                {
                    return outcome;
                }
            }
            catch (ConversationNotReadyException) when (attempt < MaxResolveAttempts)
            {
                // A related message is writing its conversation right now (threading met a key it claimed, or this
                // message is linked to it): that takes milliseconds, the queue's retry would take the whole visibility
                // timeout. Every step is safe to repeat. Wall-clock on purpose, like any retry spacing.
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
            if (attempt >= MaxResolveAttempts)
            {
                throw new ConversationNotReadyException(ConversationIds.ForFirstMessage(email.MessageId));
            }
            lookup = new ThreadLookup(threadKeys, conversations);
        }
    }

    /// <summary>Threads the message, stores it and merges what it links; null when a related message claimed a key first.</summary>
    private async Task<string?> ThreadAndStoreAsync(IncomingMessage incoming, InboundEmailReceived received, ThreadLookup lookup,
        CancellationToken cancellationToken)
    {
        var email = incoming.Email;
        var decision = await resolver.ResolveAsync(incoming, lookup, cancellationToken);
        switch (decision)
        {
            case ThreadDecision.Duplicate duplicate:
                logger.LogInformation("Message {MessageId} is already in conversation {ConversationId}.", email.MessageId, duplicate.ConversationId);
                if (duplicate.Links.Count > 0)
                {
                    // Stored by an earlier delivery that could not finish merging what it links: finish it now.
                    await merger.LinkAsync(duplicate.ConversationId, duplicate.Links, cancellationToken);
                }
                // Or one it merged was marked but not finished (its inbox rows left): its threading met that alias.
                await merger.FinishMergesAsync(lookup.Aliases, cancellationToken);
                return Outcomes.Duplicate;
            case ThreadDecision.NoConversation none:
                logger.LogInformation("Message {MessageId} starts no conversation: {Reason}.", email.MessageId, none.Reason);
                await events.PublishAsync(BounceEvent(received, incoming), cancellationToken);
                return Outcomes.NoConversation;
            case ThreadDecision.Existing existing:
                var appended = await writer.WriteAsync(incoming, received, existing.ConversationId, existing.Match, startsConversation: false, null,
                    lookup.HeadRead(existing.ConversationId), cancellationToken, existing.UnknownReferences, existing.Abandoned);
                await merger.LinkAsync(appended.ConversationId, [.. existing.Absorbs ?? [], .. appended.LinkedConversationIds], cancellationToken);
                return Outcomes.ExistingConversation;
            case ThreadDecision.New start:
                var taken = await threadKeys.ClaimAsync(start.Claims, start.ConversationId, start.Abandoned, cancellationToken);
                if (taken is null)
                {
                    var started = await writer.WriteAsync(incoming, received, start.ConversationId, start.Match, startsConversation: true,
                        start.LinkedConversationId, cancellationToken: cancellationToken, abandoned: start.Abandoned);
                    await merger.LinkAsync(started.ConversationId, started.LinkedConversationIds, cancellationToken);
                    return Outcomes.NewConversation;
                }
                logger.LogInformation("A related message claimed {Key} first; resolving {MessageId} again.", taken.Kind, email.MessageId);
                return null;
            default:
                throw new InvalidOperationException($"Unknown threading decision {decision}.");
        }
    }

    private static DomainEvent BounceEvent(InboundEmailReceived received, IncomingMessage incoming) => new(
        Id: ConversationIds.ForMessage(incoming.Email.MessageId),
        Type: DomainEventTypes.BounceReceived,
        OccurredAt: received.ReceivedAt,
        ConversationId: null,
        MessageId: incoming.Email.BouncedMessageId,
        Mailbox: incoming.Mailbox,
        CustomerEmail: incoming.Sender,
        Automatic: true,
        Flags: ["bounce"]);

    /// <summary>The resolver's reads, as point reads; a conversation's head is read once per message.</summary>
    private sealed class ThreadLookup(ThreadKeyStore threadKeys, ConversationStore conversations) : IThreadLookup
    {
        private readonly Dictionary<string, ConversationState?> heads = [];
        private readonly Dictionary<string, ConversationEntity> entities = [];
        private readonly HashSet<string> aliases = [];

        /// <summary>The head row read while threading, with its ETag, for the writer.</summary>
        public ConversationEntity? HeadRead(string conversationId) => entities.GetValueOrDefault(conversationId);

        /// <summary>Conversation ids met while threading that were merged into another (followed to it).</summary>
        public IReadOnlyCollection<string> Aliases => aliases;

        public Task<ThreadKeyTarget?> FindAsync(ThreadKey key, CancellationToken cancellationToken = default) =>
            threadKeys.FindAsync(key, cancellationToken);

        public async Task<ConversationState?> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default)
        {
            if (!heads.TryGetValue(conversationId, out var state))
            {
                // A merged conversation's id stands for the conversation it was folded into.
                var head = await conversations.GetLiveHeadAsync(conversationId, cancellationToken);
                if (head is not null)
                {
                    entities[head.PartitionKey] = head;
                    if (head.PartitionKey != conversationId)
                    {
                        aliases.Add(conversationId);
                    }
                }
                state = head is null ? null : new ConversationState(
                    head.PartitionKey, head.Mailbox, head.CustomerEmail,
                    ConversationStatuses.TryParse(head.Status, out var status) ? status : ConversationStatus.Open,
                    head.ClosedAt, head.LastActivityAt, head.CreatedAt);
                heads[conversationId] = state;
            }
            return state;
        }
    }
}
