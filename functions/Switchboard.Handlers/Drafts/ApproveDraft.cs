using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Replies;
using Switchboard.Storage.Drafts;

namespace Switchboard.Handlers.Drafts;

/// <summary>
/// <c>POST /api/drafts/{id}/approve</c>: an agent or admin sends a submitted draft, optionally edited (text, html, cc,
/// statusAfter). <c>If-Match</c> carries the conversation's ETag as for replies (409 with what arrived meanwhile).
/// The approver first claims the draft (ETag-guarded), so of two approvers only one sends; the other gets 409.
/// The reply goes out through <see cref="ReplySender"/> with the draft's author as author (their name on From) and the
/// approver recorded on the message.
/// </summary>
public sealed class ApproveDraft(
    DraftStore drafts, DraftWorkflow workflow, ReplySender sender, MessageViews views,
    IOptions<MailOptions> mail, TimeProvider time)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, ApproveDraftInput input, CancellationToken cancellationToken = default)
    {
        if (await workflow.FindAsync(id, cancellationToken) is not { } draft)
        {
            return Problems.NotFound($"There is no draft '{id}'.");
        }
        var (version, body) = input;
        if (body.Version is { } draftVersion && draftVersion != draft.Version)
        {
            return Problems.Conflict($"The draft was edited since you read it (version {draft.Version}, not {draftVersion}); read it again.", "version");
        }
        var now = time.GetUtcNow();
        if (!(draft.State == DraftStates.Submitted || (draft.State == DraftStates.Approving && draft.ApprovedAt + DraftWorkflow.ClaimTimeout < now)))
        {
            return Problems.Conflict(draft.State switch
            {
                DraftStates.Approved => "This draft was already approved and sent.",
                DraftStates.Returned => "This draft was returned to its author; it can be approved once they resubmit it.",
                _ => "Another agent is sending this draft right now.",
            });
        }
        var edited = body.Text is not null;
        var (reply, invalid) = SendReply.Validate(new ReplyRequest(
            body.Text ?? draft.Text,
            edited ? body.Html : body.Html ?? draft.Html,
            body.Cc ?? DraftView.Of(draft).Cc.ToList(),
            Attachments: null,
            body.StatusAfter ?? draft.StatusAfter), mail.Value.MaxAttachmentBytes);
        if (reply is null)
        {
            return invalid!;
        }

        var approver = await workflow.PersonAsync(agent, cancellationToken);
        var previousQueueRowKey = draft.QueueRowKey;
        (draft.State, draft.ApprovedByAgentId, draft.ApprovedByName, draft.ApprovedAt) = (DraftStates.Approving, approver.AgentId, approver.Name, now);
        if (!await drafts.TryReplaceAsync(draft, cancellationToken))
        {
            return Problems.Conflict("Another agent approved, returned or changed this draft a moment ago.");
        }

        var author = new ReplyAuthor(draft.AuthorAgentId, draft.AuthorRole, draft.AuthorName);
        var outcome = await sender.AcceptAsync(
            author, draft.PartitionKey, reply with { Attachments = await workflow.AttachmentsAsync(draft, cancellationToken) }, version,
            idempotencyKey: $"draft.{draft.RowKey}.v{draft.Version}", cancellationToken, approvedBy: approver);
        if (outcome is not ReplyOutcome.Accepted accepted)
        {
            // Nothing was sent: the draft waits in the queue again.
            (draft.State, draft.ApprovedByAgentId, draft.ApprovedByName, draft.ApprovedAt) = (DraftStates.Submitted, null, null, null);
            await drafts.TryReplaceAsync(draft, cancellationToken);
            return outcome switch
            {
                ReplyOutcome.Stale stale => await SendReply.StaleProblemAsync(views, draft.PartitionKey, version, stale, cancellationToken),
                ReplyOutcome.NoRecipient => Problems.Conflict("This conversation has no customer address to reply to (its mail had no readable From)."),
                _ => Problems.NotFound($"There is no conversation '{draft.PartitionKey}'."),
            };
        }

        (draft.State, draft.SentMessageId, draft.QueueRowKey) = (DraftStates.Approved, accepted.Message.RowKey, null);
        (draft.Text, draft.Html, draft.Cc, draft.StatusAfter) = (reply.Text, reply.Html, System.Text.Json.JsonSerializer.Serialize(reply.Cc, Storage.JsonDefaults.Options), reply.StatusAfter);
        // Only this approver holds the claim, so this write wins; were it lost, the reply is sent all the same.
        await drafts.TryReplaceAsync(draft, cancellationToken);
        await drafts.IndexAsync(draft, previousQueueRowKey, cancellationToken);
        return Results.Json(
            new DraftApproved(DraftView.Of(draft), await views.ViewAsync(draft.PartitionKey, accepted.Message, cancellationToken)),
            statusCode: StatusCodes.Status202Accepted).WithETag(VersionTags.ETag(accepted.Version));
    }
}

public sealed record DraftApproved(DraftView Draft, MessageView Message);
