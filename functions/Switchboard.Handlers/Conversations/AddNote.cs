using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Queues;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// <c>POST /api/conversations/{id}/notes</c> {text}: an internal note (Kind note, outbound, by the caller), never
/// emailed to the customer. It is activity (the conversation moves up the inbox, teammates see it unread) but not a
/// message (the count stays). Active agents named by <c>@handle</c> (see <see cref="Mentions"/>) are emailed through
/// the <c>note-mentions</c> queue, once each.
/// </summary>
public sealed class AddNote(
    AgentAuthenticator auth, ConversationUpdater updater, Teammates team, SignInLinks links, WorkQueue queue, TimeProvider time)
{
    public const int MaxLength = 10_000;

    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (!ConversationIds.IsConversationId(id))
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }
        var (body, invalid) = await JsonBody.ReadAsync<NoteBody>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }
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
                new NoteMentioned(noteId, id, note.FromName ?? "A teammate", mentioned, links.BaseUrl(request)), cancellationToken: cancellationToken);
        }
        request.HttpContext.Response.Headers.ETag = ConversationVersions.ETag(head.Version);
        return Results.Created($"/api/conversations/{id}", new NoteAdded(noteId, MessageKinds.Note, note.AuthorAgentId, note.FromName, text, now, mentioned, head.Version));
    }
}

public sealed record NoteBody(string? Text);

public sealed record NoteAdded(
    string Id, string Kind, string? AuthorAgentId, string? AuthorName, string Text, DateTimeOffset SentAt, IReadOnlyList<string> Mentioned, int Version);

/// <summary>Queue <c>note-mentions</c>: the agents a note mentioned. <paramref name="NoteId"/> with the agent id makes each email once.</summary>
public sealed record NoteMentioned(string NoteId, string ConversationId, string AuthorName, IReadOnlyList<string> AgentIds, string? BaseUrl);
