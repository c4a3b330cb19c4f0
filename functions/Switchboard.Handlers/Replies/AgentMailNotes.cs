using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Conversations;
using Switchboard.Core.Inbound;
using Switchboard.Core.Threading;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Mail;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// Mail answers to notifications that stay inside the team as notes: a trainee's (trainees do not send), and one
/// that claims to be an agent's but could not be verified (<see cref="AgentMailVerification"/>). The latter is not
/// attributed to the agent, keeps the raw mail for a look at its headers, and the agent is told once by email.
/// </summary>
public sealed class AgentMailNotes(
    ConversationUpdater updater, IMailSender mail, IOptions<MailOptions> mailOptions, IOptions<AuthOptions> authOptions,
    TimeProvider time, ILogger<AgentMailNotes> logger)
{
    public static readonly string TraineeFlag = MessageFlags.TraineeMailReply.ToStored();
    public static readonly string UnverifiedFlag = MessageFlags.UnverifiedMailReply.ToStored();

    public async Task KeepTraineeAnswerAsync(AgentEntity trainee, string conversationId, string messageId, string text, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await TryAddAsync(conversationId, new MessageEntity
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
            Flags = TraineeFlag,
            Problems = JsonSerializer.Serialize(Array.Empty<string>(), JsonDefaults.Options),
        }, cancellationToken);
    }

    public async Task KeepUnverifiedAsync(
        AgentEntity claimed, string conversationId, IncomingMessage incoming, InboundEmailReceived received, string reason,
        CancellationToken cancellationToken = default)
    {
        var email = incoming.Email;
        var now = time.GetUtcNow();
        var text = email.VisibleText.Trim();
        var added = await TryAddAsync(conversationId, new MessageEntity
        {
            RowKey = ConversationIds.ForMessage($"unverified-mail|{email.MessageId}"),
            MessageId = email.MessageId,
            Kind = MessageKinds.Note,
            Direction = "outbound",
            AuthorAgentId = null,
            FromEmail = email.From?.Address,
            FromName = email.From?.Name,
            Subject = $"Unverified mail reply claiming to be from {claimed.DisplayName} (not sent)",
            SentAt = email.Date ?? now,
            ReceivedAt = now,
            Text = text,
            VisibleText = text,
            RawBlobName = received.RawBlobName,
            ThreadMatch = "agent-mail",
            Flags = UnverifiedFlag,
            Problems = JsonSerializer.Serialize(new[] { $"Not sent to the customer: {reason}." }, JsonDefaults.Options),
        }, cancellationToken);
        if (added)
        {
            await WarnAsync(claimed, conversationId, incoming.Mailbox, email.Subject, reason, cancellationToken);
        }
    }

    /// <summary>Tells the agent their name was used; the mail's text stays out of it (it may be someone's bait).</summary>
    private async Task WarnAsync(AgentEntity agent, string conversationId, string mailbox, string subject, string reason, CancellationToken cancellationToken)
    {
        var team = mailOptions.Value.TeamName is { Length: > 0 } name ? name : "Switchboard";
        var link = authOptions.Value.PublicUrl is { Length: > 0 } url ? $"\nOpen the conversation: {url.TrimEnd('/')}/conversations/{conversationId}\n" : "";
        try
        {
            await mail.SendAsync(new OutgoingEmail(
                $"\"{team}\" <{mailbox}>",
                [agent.Email],
                $"[{team}] Your mail reply was not sent: {subject}",
                $"""
                We received a reply by mail that says it is from you ({agent.Email}), but we could not verify that: {reason}.

                It was kept as an internal note on the conversation and NOT sent to the customer.
                If you wrote it, send your answer from Switchboard (or reply to the notification itself, from your usual mail account).
                If you did not, someone may be trying to write to a customer in your name: tell an admin.
                {link}
                """,
                Headers: new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" }), cancellationToken);
        }
        catch (MailSendFailedException e)
        {
            logger.LogWarning("Could not tell {AgentId} about an unverified mail reply to {ConversationId}: {Detail}", agent.Id, conversationId, e.Message);
        }
    }

    /// <returns>False when the note was there already (a redelivery).</returns>
    private async Task<bool> TryAddAsync(string conversationId, MessageEntity note, CancellationToken cancellationToken)
    {
        var update = await updater.UpdateAsync(conversationId, conversation =>
        {
            conversation.AddNote(note.ReceivedAt);
            return ConversationEdit.Add(note);
        }, cancellationToken);
        return update is { Outcome: ConversationWriteOutcome.Written };
    }
}
