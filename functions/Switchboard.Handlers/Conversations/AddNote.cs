using System.Security.Cryptography;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Queues;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// <c>POST /api/conversations/{id}/notes</c> {text}: an internal note (Kind note, outbound, by the caller), never
/// emailed to the customer. It is activity (the conversation moves up the inbox, teammates see it unread) but not a
/// message (the count stays). Active agents named by <c>@handle</c> (see <see cref="Mentions"/>) are emailed through
/// the <c>note-mentions</c> queue, once each.
/// </summary>
public sealed class AddNote(ConversationUpdater updater, Teammates team, WorkQueue queue, TimeProvider time)
{
    public const int MaxLength = 10_000;

    /// <param name="baseUrl">Where links in the mention emails point (<see cref="SignInLinks.BaseUrl"/>).</param>
    public async Task<IResult> HandleAsync(Agent agent, string id, NoteBody body, string? baseUrl, CancellationToken cancellationToken = default)
    {
        var text = body.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxLength)
        {
            return Problems.BadRequest($"text must hold 1 to {MaxLength:N0} characters.", "text");
        }

        var author = await team.CallerAsync(agent, cancellationToken);
        var now = time.GetUtcNow();
        var noteId = "m" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))[..23];
        var note = new MessageEntity
        {
            RowKey = noteId,
            Kind = MessageKinds.Note,
            Direction = "outbound",
            AuthorAgentId = author?.Id ?? agent.Id,
            FromName = author?.DisplayName ?? agent.Name,
            FromEmail = author?.Email ?? agent.Email,
            SentAt = now,
            ReceivedAt = now,
            Text = text,
            VisibleText = text,
            ThreadMatch = "None",
        };
        var update = await updater.UpdateAsync(id, conversation =>
        {
            conversation.AddNote(now);
            note.Subject = conversation.Subject;
            return ConversationEdit.Add(note);
        }, cancellationToken);
        if (update is null)
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }
        var head = update.Conversation;

        var handles = Mentions.Find(text);
        var mentioned = handles.Count == 0
            ? []
            : (await team.AllActiveAsync(cancellationToken))
                .Where(a => a.Id != note.AuthorAgentId && Mentions.HandlesOf(a.DisplayName, a.Email).Any(handles.Contains))
                .Select(a => a.Id).ToList();
        if (mentioned.Count > 0)
        {
            await queue.SendAsync(QueueNames.NoteMentions,
                new NoteMentioned(noteId, id, note.FromName ?? "A teammate", mentioned, baseUrl), cancellationToken: cancellationToken);
        }
        return Results.Created($"/api/conversations/{id}", new NoteAdded(noteId, MessageKinds.Note, note.AuthorAgentId, note.FromName, text, now, mentioned, head.Version))
            .WithETag(VersionTags.ETag(head.Version));
    }
}

public sealed record NoteBody(string? Text);

public sealed record NoteAdded(
    string Id, string Kind, string? AuthorAgentId, string? AuthorName, string Text, DateTimeOffset SentAt, IReadOnlyList<string> Mentioned, int Version);

/// <summary>Queue <c>note-mentions</c>: the agents a note mentioned. <paramref name="NoteId"/> with the agent id makes each email once.</summary>
public sealed record NoteMentioned(string NoteId, string ConversationId, string AuthorName, IReadOnlyList<string> AgentIds, string? BaseUrl);
