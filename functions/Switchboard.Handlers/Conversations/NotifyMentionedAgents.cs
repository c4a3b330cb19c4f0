using System.Text.Json;
using Switchboard.Core;
using Switchboard.Handlers.Mail;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// Queue <c>note-mentions</c>: emails each mentioned agent who is still active a link to the conversation. A sent
/// email is recorded in <c>MentionsSent</c> and checked first, so a redelivered message sends nothing twice (only a
/// crash between sending and recording can repeat one email).
/// </summary>
public sealed class NotifyMentionedAgents(
    Teammates team, ConversationStore conversations, MentionsSentStore sent, IMailSender mail, IOptions<MailOptions> mailOptions, TimeProvider time)
{
    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var mention = QueueMessages.Read<NoteMentioned>(message, QueueNames.NoteMentions, JsonDefaults.Options,
            m => m.ConversationId is null ? "conversationId" : m.NoteId is null ? "noteId" : null);
        var note = await conversations.GetMessageAsync(mention.ConversationId, mention.NoteId, cancellationToken);
        if (note is null)
        {
            return;
        }
        var link = mention.BaseUrl is { Length: > 0 } baseUrl
            ? $"{baseUrl}/conversations/{mention.ConversationId}"
            : $"conversation {mention.ConversationId} in Switchboard";
        foreach (var agentId in mention.AgentIds.Distinct())
        {
            if (await sent.WasSentAsync(mention.ConversationId, mention.NoteId, agentId, cancellationToken)
                || await team.ActiveAsync(agentId, cancellationToken) is not { } agent)
            {
                continue;
            }
            await mail.SendAsync(new OutgoingEmail(
                $"Switchboard <{mailOptions.Value.Mailboxes[0]}>",
                [agent.Email],
                $"{mention.AuthorName} mentioned you: {note.Subject}",
                $"""
                Hello {agent.DisplayName},

                {mention.AuthorName} mentioned you in an internal note on "{note.Subject}":

                {note.Text}

                Open the conversation: {link}
                """,
                Headers: new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" }), cancellationToken);
            await sent.RecordAsync(mention.ConversationId, mention.NoteId, agentId, time.GetUtcNow(), cancellationToken);
        }
    }
}
