using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Replies;
using Switchboard.Storage.Drafts;

namespace Switchboard.Handlers.Drafts;

/// <summary>
/// <c>PUT /api/drafts/{id}</c>: the author replaces their draft (the body of a reply) and (re)submits it: a returned
/// draft goes back into the approval queue, at its end. Only the author; not once it is being sent or sent (409).
/// </summary>
public sealed class UpdateDraft(DraftStore drafts, DraftWorkflow workflow, IOptions<MailOptions> mail, TimeProvider time)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, ReplyRequest body, CancellationToken cancellationToken = default)
    {
        if (await workflow.FindAsync(id, cancellationToken) is not { } draft)
        {
            return Problems.NotFound($"There is no draft '{id}'.");
        }
        if ((await workflow.PersonAsync(agent, cancellationToken)).AgentId != draft.AuthorAgentId)
        {
            return Problems.Forbidden("Only the draft's author edits it; approvers edit while approving (POST /api/drafts/{id}/approve with text).");
        }
        if (draft.State is not (DraftStates.Submitted or DraftStates.Returned))
        {
            return Problems.Conflict($"The draft is {draft.State}: it can no longer be changed.");
        }
        var (reply, invalid) = SendReply.Validate(body, mail.Value.MaxAttachmentBytes);
        if (reply is null)
        {
            return invalid!;
        }

        var now = time.GetUtcNow();
        var previousQueueRowKey = draft.QueueRowKey;
        draft.Version++;
        draft.State = DraftStates.Submitted;
        draft.SubmittedAt = now;
        draft.QueueRowKey = DraftStore.QueueRowKeyFor(now, id);
        await workflow.FillAsync(draft, reply, cancellationToken);
        if (!await drafts.TryReplaceAsync(draft, cancellationToken))
        {
            return Problems.Conflict("The draft changed meanwhile (approved, returned or edited elsewhere); read it again.");
        }
        await drafts.IndexAsync(draft, previousQueueRowKey, cancellationToken);
        return Results.Ok(DraftView.Of(draft));
    }
}
