using Microsoft.Extensions.Logging;
using Switchboard.Core.Conversations;
using Switchboard.Core.Inbound;
using Switchboard.Core.Team;
using Switchboard.Core.Threading;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Handlers.Conversations;
using Switchboard.Storage.Team;
using Switchboard.Storage.Threading;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// Mail from an agent answering a new-conversation notification in their own mail client. It is not a customer
/// message: what they wrote (quoted notification stripped by the parser's visible text) goes to the customer as their
/// reply, through <see cref="ReplySender"/> without a version check, keyed by the agent mail's Message-ID so a
/// redelivery sends nothing new. A trainee's answer is kept as an internal note instead (trainees do not send).
/// It counts only when it comes from an active agent's address, names one of our notification Message-IDs, and passes
/// <see cref="AgentMailVerification"/>. Mail that claims to be such an answer but fails verification is kept as a note
/// flagged <c>unverified-mail-reply</c>, the agent is told by email, and nothing goes to the customer.
/// </summary>
public sealed class AgentMailReplies(
    AgentStore agents, ThreadKeyStore threadKeys, OwnMessageIds ownMessageIds, AgentMailVerification verification, ReplySender sender,
    AgentMailNotes notes, ILogger<AgentMailReplies> logger)
{
    /// <summary>True when the message was (or claimed to be) an agent's reply and has been handled; false to process it as usual.</summary>
    public async Task<bool> TryHandleAsync(IncomingMessage incoming, InboundEmailReceived received, CancellationToken cancellationToken = default)
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
        var verdict = await verification.VerifyAsync(incoming, received, agent.Id, notification, cancellationToken);
        if (!verdict.Verified)
        {
            logger.LogWarning("Mail {MessageId} claiming to be agent {AgentId}'s reply to {ConversationId} is unverified: {Reason}. Kept as a note, not sent.",
                email.MessageId, agent.Id, target.ConversationId, verdict.Reason);
            await notes.KeepUnverifiedAsync(agent, target.ConversationId, incoming, received, verdict.Reason, cancellationToken);
            return true;
        }
        if (agent.Role == AgentRoles.Trainee)
        {
            await notes.KeepTraineeAnswerAsync(agent, target.ConversationId, email.MessageId, text, cancellationToken);
            return true;
        }
        var attachments = email.Attachments.Where(a => !a.Inline).Select(a => new ReplyAttachment(a.FileName, a.ContentType, a.Content)).ToList();
        var outcome = await sender.AcceptAsync(
            new ReplyAuthor(agent.Id, agent.Role, agent.DisplayName), target.ConversationId,
            new OutgoingReply(text, null, [], attachments, ConversationStatus.Pending.ToWire()),
            expectedVersion: null, idempotencyKey: "mail|" + email.MessageId, cancellationToken);
        logger.LogInformation("Mail reply {MessageId} from agent {AgentId} to {ConversationId} ({Verdict}): {Outcome}.",
            email.MessageId, agent.Id, target.ConversationId, verdict.Reason, outcome.GetType().Name);
        return true;
    }
}
