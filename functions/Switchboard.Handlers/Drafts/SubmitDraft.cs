using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Replies;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Drafts;

namespace Switchboard.Handlers.Drafts;

/// <summary>
/// <c>POST /api/conversations/{id}/drafts</c>: a reply submitted for approval (the body of a reply). Anyone may submit;
/// trainees must. It waits in the approval queue until an agent approves (sends) or returns it.
/// </summary>
public sealed class SubmitDraft(
    ConversationStore conversations, DraftStore drafts, DraftWorkflow workflow, IOptions<MailOptions> mail, TimeProvider time)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, ReplyRequest body, CancellationToken cancellationToken = default)
    {
        if (await conversations.GetHeadAsync(id, cancellationToken) is not { } head)
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }
        var (reply, invalid) = SendReply.Validate(body, mail.Value.MaxAttachmentBytes);
        if (reply is null)
        {
            return invalid!;
        }

        var draft = await AddAsync(await workflow.PersonAsync(agent, cancellationToken), id, head.Subject, reply, cancellationToken);
        return Results.Json(DraftView.Of(draft), statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// Puts <paramref name="reply"/> into the approval queue as <paramref name="author"/>'s draft on the conversation;
    /// also how other features (a shipped feature's announcements) propose mail that an agent reviews before it goes.
    /// </summary>
    public async Task<DraftEntity> AddAsync(
        ReplyAuthor author, string conversationId, string subject, OutgoingReply reply, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var draft = new DraftEntity
        {
            PartitionKey = conversationId,
            RowKey = DraftStore.NewRowKey(),
            AuthorAgentId = author.AgentId,
            AuthorName = author.Name,
            AuthorRole = author.Role,
            Subject = subject,
            CreatedAt = now,
            SubmittedAt = now,
        };
        var draftId = DraftStore.PublicId(conversationId, draft.RowKey);
        draft.QueueRowKey = DraftStore.QueueRowKeyFor(now, draftId);
        draft.AuthorRowKey = DraftStore.AuthorRowKeyFor(now, draftId);
        await workflow.FillAsync(draft, reply, cancellationToken);
        await drafts.AddAsync(draft, cancellationToken);
        await drafts.IndexAsync(draft, previousQueueRowKey: null, cancellationToken);
        return draft;
    }
}
