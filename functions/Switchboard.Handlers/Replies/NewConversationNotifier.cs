using Microsoft.Extensions.Logging;
using Switchboard.Core.Events;
using Switchboard.Core.Inbound;
using Switchboard.Core.Replies;
using Switchboard.Core.Team;
using Switchboard.Core.Threading;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Mail;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Team;
using Switchboard.Storage.Threading;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// Emails every active agent who wants it (<see cref="AgentEntity.NotifyNewConversations"/>) each new conversation a
/// person started (never automatic mail): From the mailbox, Reply-To a secret address of this notification for this
/// agent (<see cref="NotificationReplyAddresses"/>), so answering the notification in one's own mail client answers
/// the customer (<see cref="AgentMailReplies"/>, which also checks the sender's SPF/DKIM/DMARC). The notification's
/// Message-ID is registered as a <c>Notification</c> thread key: a bounce of it never starts a conversation.
/// </summary>
public sealed class NewConversationNotifier(
    AgentStore agents,
    ConversationStore conversations,
    MessageContentStore content,
    ThreadKeyStore threadKeys,
    IMailSender mail,
    OwnMessageIds ownMessageIds,
    NotificationReplyAddresses replyAddresses,
    IOptions<MailOptions> mailOptions,
    IOptions<AuthOptions> authOptions,
    ILogger<NewConversationNotifier> logger)
{
    public const string Purpose = "notify";

    public async Task NotifyAsync(DomainEvent started, CancellationToken cancellationToken = default)
    {
        if (started.Type != DomainEventTypes.ConversationStarted || started.Automatic || started.ConversationId is not { } id)
        {
            return;
        }
        var (teamMembers, _) = await agents.ListAsync(cancellationToken);
        var recipients = teamMembers.Where(a => a.Status == AgentStatuses.Active && a.NotifyNewConversations && a.Email.Length > 0).ToList();
        if (recipients.Count == 0)
        {
            return;
        }
        var (head, messages) = await conversations.GetAsync(id, cancellationToken);
        var first = messages.FirstOrDefault(m => m.RowKey == started.MessageId) ?? messages.OrderBy(m => m.ReceivedAt).FirstOrDefault();
        if (head is null || first is null || first.Direction != "inbound")
        {
            return;
        }
        var text = first.BodyBlobName is { } blob ? (await content.ReadBodyAsync(blob, cancellationToken)).VisibleText : first.VisibleText ?? first.Text ?? "";
        var team = mailOptions.Value.TeamName is { Length: > 0 } name ? name : "Switchboard";
        var customer = head.CustomerName is { Length: > 0 } customerName ? $"{customerName} <{head.CustomerEmail}>" : head.CustomerEmail;
        var link = authOptions.Value.PublicUrl is { Length: > 0 } url ? $"\nOpen it in Switchboard: {url.TrimEnd('/')}/conversations/{id}\n" : "";

        foreach (var agent in recipients)
        {
            // Queues deliver at least once: the notification's Message-ID is derived from the conversation and the
            // agent, and claimed before sending, so a redelivered event finds it taken and sends nothing again. A
            // crash between the claim and the send loses that one notification (the conversation is in the inbox).
            var messageId = ownMessageIds.Derive(Purpose, id, agent.Id);
            if (await threadKeys.RegisterIfAbsentAsync(ThreadKey.ForMessageId(messageId), id, ThreadKeyRole.Notification, cancellationToken) is not null)
            {
                continue;
            }
            try
            {
                await mail.SendAsync(new OutgoingEmail(
                $"\"{team}\" <{head.Mailbox}>",
                [agent.Email],
                $"[{team}] {head.Subject}",
                $"""
                New conversation from {customer} to {head.Mailbox}:

                {text}

                --
                Reply to this email to answer {head.CustomerEmail}: your reply goes out as you, from {head.Mailbox}.{(agent.Role == AgentRoles.Trainee ? " (As a trainee, your reply is kept as a note for the team instead.)" : "")}
                {link}
                """,
                Headers: new Dictionary<string, string>
                {
                    ["Auto-Submitted"] = "auto-generated",
                    ["In-Reply-To"] = ReplyHeaders.Angle(first.MessageId),
                    ["References"] = ReplyHeaders.Angle(first.MessageId),
                })
            {
                ReplyTo = replyAddresses.For(head.Mailbox, agent.Id, messageId),
                MessageId = messageId,
            }, cancellationToken);
            }
            catch (MailSendFailedException e)
            {
                // Best effort: the conversation is in everyone's inbox either way, and retrying the event would
                // notify the others twice.
                logger.LogWarning("Could not notify {AgentId} of conversation {ConversationId}: {Detail}", agent.Id, id, e.Message);
            }
        }
        logger.LogInformation("Notified the team of conversation {ConversationId}.", id);
    }
}
