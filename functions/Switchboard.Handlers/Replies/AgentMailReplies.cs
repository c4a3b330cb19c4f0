using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Conversations;
using Switchboard.Core.Team;
using Switchboard.Core.Threading;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Team;
using Switchboard.Storage.Threading;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// Mail from an agent answering a new-conversation notification in their own mail client. It is not a customer
/// message: what they wrote (quoted notification stripped by the parser's visible text) goes to the customer as their
/// reply, through <see cref="ReplySender"/> without a version check, keyed by the agent mail's Message-ID so a
/// redelivery sends nothing new. A trainee's answer is kept as an internal note instead (trainees do not send).
/// Only mail that comes from an active agent's address AND names one of our notification Message-IDs counts: the
/// customer knows the reply address, but never sees a notification, so they cannot pose as an agent this way.
/// </summary>
public sealed class AgentMailReplies(
    AgentStore agents, ThreadKeyStore threadKeys, OwnMessageIds ownMessageIds, ReplySender sender, ConversationUpdater updater,
    TimeProvider time, ILogger<AgentMailReplies> logger)
{
    /// <summary>True when the message was an agent's reply and has been handled; false to process it as usual.</summary>
    public async Task<bool> TryHandleAsync(IncomingMessage incoming, CancellationToken cancellationToken = default)
    {
        var email = incoming.Email;
        var notification = (email.InReplyTo is { } parent ? email.References.Append(parent) : email.References)
            .FirstOrDefault(id => ownMessageIds.IsOurs(id) && id.StartsWith($"sb.{NewConversationNotifier.Purpose}.", StringComparison.OrdinalIgnoreCase));
        if (notification is null || email.From is not { } from || incoming.IsAutomatic)
        {
            return false;
        }
        var agent = await agents.FindByEmailAsync(from.Address, cancellationToken);
        var target = agent is { Status: AgentStatuses.Active }
            ? await threadKeys.FindAsync(ThreadKey.ForMessageId(notification), cancellationToken)
            : null;
        if (agent is null || target is not { Role: ThreadKeyRole.Notification })
        {
            return false;
        }
        var text = email.VisibleText.Trim();
        if (text.Length == 0)
        {
            logger.LogInformation("Empty mail reply from agent {AgentId} to {ConversationId} ignored.", agent.Id, target.ConversationId);
            return true;
        }
        if (agent.Role == AgentRoles.Trainee)
        {
            await KeepAsNoteAsync(agent, target.ConversationId, email.MessageId, text, cancellationToken);
            return true;
        }
        var attachments = email.Attachments.Where(a => !a.Inline).Select(a => new ReplyAttachment(a.FileName, a.ContentType, a.Content)).ToList();
        var outcome = await sender.AcceptAsync(
            new ReplyAuthor(agent.Id, agent.Role, agent.DisplayName), target.ConversationId,
            new ReplyDraft(text, null, [], attachments, ConversationStatus.Pending.ToWire()),
            expectedVersion: null, idempotencyKey: "mail|" + email.MessageId, cancellationToken);
        logger.LogInformation("Mail reply {MessageId} from agent {AgentId} to {ConversationId}: {Outcome}.",
            email.MessageId, agent.Id, target.ConversationId, outcome.GetType().Name);
        return true;
    }

    private async Task KeepAsNoteAsync(AgentEntity trainee, string conversationId, string messageId, string text, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var note = new MessageEntity
        {
            RowKey = ConversationIds.ForMessage($"mail-note|{trainee.Id}|{messageId}"),
            MessageId = messageId,
            Kind = MessageKinds.Note,
            Direction = "outbound",
            AuthorAgentId = trainee.Id,
            FromEmail = trainee.Email,
            FromName = trainee.DisplayName,
            Subject = "Reply by mail from a trainee (not sent)",
            SentAt = now,
            ReceivedAt = now,
            Text = text,
            VisibleText = text,
            ThreadMatch = "agent-mail",
            Flags = MessageFlags.TraineeMailReply.ToStored(),
            Problems = JsonSerializer.Serialize(Array.Empty<string>(), JsonDefaults.Options),
        };
        // A redelivery finds the note already there (ItemAlreadyStored) and adds nothing.
        await updater.UpdateAsync(conversationId, conversation =>
        {
            conversation.AddNote(now);
            return ConversationEdit.Add(note);
        }, cancellationToken);
    }
}
