using Microsoft.Extensions.Logging;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Mail;
using Switchboard.Storage.Drafts;

namespace Switchboard.Handlers.Drafts;

/// <summary>
/// <c>POST /api/drafts/{id}/return</c> {comment}: an agent or admin sends a submitted draft back to its author with a
/// comment. The author sees it on the draft and is emailed (when they are an agent with an address); they can edit and
/// resubmit it (<c>PUT /api/drafts/{id}</c>).
/// </summary>
public sealed class ReturnDraft(
    DraftStore drafts, DraftWorkflow workflow, Teammates team, IMailSender mailSender,
    IOptions<MailOptions> mail, TimeProvider time, ILogger<ReturnDraft> logger)
{
    public const int MaxCommentLength = 2_000;

    /// <param name="baseUrl">Where the link in the author's email points (<see cref="SignInLinks.BaseUrl"/>).</param>
    public async Task<IResult> HandleAsync(Agent agent, string id, ReturnDraftRequest body, string? baseUrl, CancellationToken cancellationToken = default)
    {
        if (await workflow.FindAsync(id, cancellationToken) is not { } draft)
        {
            return Problems.NotFound($"There is no draft '{id}'.");
        }
        var comment = body.Comment?.Trim() ?? "";
        if (comment.Length is 0 or > MaxCommentLength)
        {
            return Problems.BadRequest($"Say what to change: a comment of 1-{MaxCommentLength} characters.", "comment");
        }
        if (draft.State != DraftStates.Submitted)
        {
            return Problems.Conflict($"Only a submitted draft can be returned; this one is {draft.State}.");
        }

        var returner = await workflow.PersonAsync(agent, cancellationToken);
        var previousQueueRowKey = draft.QueueRowKey;
        (draft.State, draft.ReturnComment, draft.ReturnedByAgentId, draft.ReturnedByName, draft.ReturnedAt, draft.QueueRowKey) =
            (DraftStates.Returned, comment, returner.AgentId, returner.Name, time.GetUtcNow(), null);
        if (!await drafts.TryReplaceAsync(draft, cancellationToken))
        {
            return Problems.Conflict("Another agent approved, returned or changed this draft a moment ago.");
        }
        await drafts.IndexAsync(draft, previousQueueRowKey, cancellationToken);
        await TellAuthorAsync(draft, returner.Name ?? "A teammate", baseUrl, cancellationToken);
        return Results.Ok(DraftView.Of(draft));
    }

    private async Task TellAuthorAsync(DraftEntity draft, string returnedBy, string? baseUrl, CancellationToken cancellationToken)
    {
        if (await team.ActiveAsync(draft.AuthorAgentId, cancellationToken) is not { Email.Length: > 0 } author)
        {
            return; // an API key, or someone no longer on the team: the comment waits on the draft
        }
        var link = baseUrl is { Length: > 0 } ? $"{baseUrl}/conversations/{draft.PartitionKey}" : $"conversation {draft.PartitionKey} in Switchboard";
        try
        {
            await mailSender.SendAsync(new OutgoingEmail(
                $"Switchboard <{mail.Value.Mailboxes[0]}>",
                [author.Email],
                $"Your draft was returned: {draft.Subject}",
                $"""
                Hello {author.DisplayName},

                {returnedBy} returned your draft reply on "{draft.Subject}":

                {draft.ReturnComment}

                Edit it and submit it again: {link}
                """,
                Headers: new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" }), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The draft is returned and shows the comment either way; the email is a courtesy.
            logger.LogWarning(e, "Could not email {AgentId} that draft {Draft} was returned.", draft.AuthorAgentId, draft.RowKey);
        }
    }
}
