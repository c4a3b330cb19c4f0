using System.Net.Mail;
using System.Text.RegularExpressions;
using Switchboard.Handlers.Mail;
using Switchboard.Core.Conversations;
using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Conversations;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// <c>POST /api/conversations/{id}/replies</c>: an agent's reply, sent only if the agent saw the conversation as it is
/// now (<c>If-Match</c> with the ETag of GET; 428 without, 409 with the missed messages when stale). 202 with the
/// message, in state <c>sending</c>; an <c>Idempotency-Key</c> header makes a retry return the same reply.
/// </summary>
public sealed partial class SendReply(ReplySender sender, MessageViews views, IOptions<MailOptions> mail)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxTextChars = 100_000;
    private const int MaxCc = 20;

    public async Task<IResult> HandleAsync(Agent agent, string id, ReplyInput input, CancellationToken cancellationToken = default)
    {
        // Not Callers.NotTrainee: a trainee is told where their reply goes instead (drafts), which is this feature's rule.
        if (agent.Role == AgentRoles.Trainee)
        {
            return TraineeRefused();
        }
        var (reply, invalid) = Validate(input.Body, mail.Value.MaxAttachmentBytes);
        if (reply is null)
        {
            return invalid!;
        }

        var outcome = await sender.AcceptAsync(
            new ReplyAuthor(agent.Id, agent.Role, agent.Name), id, reply, input.Version, input.IdempotencyKey, cancellationToken);
        switch (outcome)
        {
            case ReplyOutcome.Accepted accepted:
                return Results.Json(await views.ViewAsync(id, accepted.Message, cancellationToken), statusCode: StatusCodes.Status202Accepted)
                    .WithETag(VersionTags.ETag(accepted.Version));
            case ReplyOutcome.Stale stale:
                return await StaleProblemAsync(views, id, input.Version, stale, cancellationToken);
            case ReplyOutcome.TraineeMustSubmitDraft:
                return TraineeRefused();
            case ReplyOutcome.NoRecipient:
                return Problems.Conflict("This conversation has no customer address to reply to (its mail had no readable From); forward it instead.");
            default:
                return Problems.NotFound($"There is no conversation '{id}'.");
        }
    }

    /// <summary>409 for a reply (or approved draft) written against an older version: what it missed, and the new ETag.</summary>
    internal static async Task<IResult> StaleProblemAsync(
        MessageViews views, string id, int version, ReplyOutcome.Stale stale, CancellationToken cancellationToken)
    {
        var missed = new List<MessageView>(stale.Missed.Count);
        foreach (var message in stale.Missed)
        {
            missed.Add(await views.ViewAsync(id, message, cancellationToken));
        }
        return Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The conversation changed since you opened it.",
            detail: $"{missed.Count} new item(s) arrived since version {version}; nothing was sent. Read them, then send again with If-Match {VersionTags.ETag(stale.CurrentVersion)}.",
            extensions: new Dictionary<string, object?>
            {
                ["field"] = "If-Match",
                ["currentVersion"] = stale.CurrentVersion,
                ["etag"] = VersionTags.ETag(stale.CurrentVersion),
                ["newMessages"] = missed,
            }).WithETag(VersionTags.ETag(stale.CurrentVersion));
    }

    /// <summary>Whether an <c>Idempotency-Key</c> is one we keep (it becomes part of a row key).</summary>
    internal static bool IsIdempotencyKey(string key) => IdempotencyKeyPattern().IsMatch(key);

    /// <summary>The largest reply body read: base64 is 4/3 of the files, plus room for the text.</summary>
    public static long MaxBodyBytes(long attachmentLimit) => attachmentLimit / 3 * 4 + 4 + 2 * 1024 * 1024;

    private static IResult TraineeRefused() =>
        Problems.Forbidden("Trainees do not send replies themselves: submit the reply as a draft for approval.");

    internal static IResult TooLarge(long limit) =>
        Problems.TooLarge($"A reply's attachments are limited to {limit / (1024 * 1024.0):0.#} MB in all (setting Mail:MaxAttachmentBytes).");

    internal static (OutgoingReply? Reply, IResult? Rejection) Validate(ReplyRequest body, long limit)
    {
        if (string.IsNullOrWhiteSpace(body.Text))
        {
            return (null, Problems.BadRequest("The reply needs its text.", "text"));
        }
        if (body.Text.Length > MaxTextChars)
        {
            return (null, Problems.BadRequest($"The text is limited to {MaxTextChars} characters.", "text"));
        }
        if (body.Html is { Length: > MaxTextChars * 2 })
        {
            return (null, Problems.BadRequest($"The HTML is limited to {MaxTextChars * 2} characters.", "html"));
        }
        var statusAfter = body.StatusAfter ?? ConversationStatus.Pending.ToWire();
        if (statusAfter is not ("open" or "pending" or "closed"))
        {
            return (null, Problems.BadRequest("statusAfter must be open, pending or closed.", "statusAfter"));
        }
        var cc = body.Cc ?? [];
        if (cc.Count > MaxCc)
        {
            return (null, Problems.BadRequest($"At most {MaxCc} cc addresses.", "cc"));
        }
        for (var i = 0; i < cc.Count; i++)
        {
            if (!MailAddress.TryCreate(cc[i]?.Trim(), out var parsed) || parsed.Address != cc[i]?.Trim())
            {
                return (null, Problems.BadRequest($"cc[{i}] ('{cc[i]}') is not an email address like someone@example.com.", $"cc[{i}]"));
            }
        }
        var attachments = new List<ReplyAttachment>();
        long total = 0;
        for (var i = 0; i < (body.Attachments?.Count ?? 0); i++)
        {
            var a = body.Attachments![i];
            if (a is null || string.IsNullOrWhiteSpace(a.Name) || a.Name.Length > 200 || a.Name.IndexOfAny(['/', '\\', '\r', '\n']) >= 0)
            {
                return (null, Problems.BadRequest($"attachments[{i}] needs a file name (at most 200 characters, no slashes).", $"attachments[{i}].name"));
            }
            if (a.ContentType is null || !ContentTypePattern().IsMatch(a.ContentType))
            {
                return (null, Problems.BadRequest($"attachments[{i}].contentType must be a media type like application/pdf.", $"attachments[{i}].contentType"));
            }
            byte[] content;
            try
            {
                content = Convert.FromBase64String(a.ContentBase64 ?? "");
            }
            catch (FormatException)
            {
                return (null, Problems.BadRequest($"attachments[{i}].contentBase64 is not base64.", $"attachments[{i}].contentBase64"));
            }
            total += content.Length;
            if (total > limit)
            {
                return (null, TooLarge(limit));
            }
            attachments.Add(new ReplyAttachment(a.Name.Trim(), a.ContentType.ToLowerInvariant(), content));
        }
        return (new OutgoingReply(body.Text.Trim('\r', '\n'), body.Html, cc.Select(c => c.Trim()).ToList(), attachments, statusAfter), null);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex IdempotencyKeyPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$")]
    private static partial Regex ContentTypePattern();
}
