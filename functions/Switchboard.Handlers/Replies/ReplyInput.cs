using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Mail;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// The input of <c>POST /api/conversations/{id}/replies</c>: the version the agent saw (If-Match; 428 without, 400 when
/// not ours), an optional <c>Idempotency-Key</c>, and the reply's body.
/// </summary>
public sealed record ReplyInput(int Version, string? IdempotencyKey, ReplyRequest Body) : IRequestInput<ReplyInput>
{
    public const string IfMatchRequired =
        "Send the conversation's ETag (from GET /api/conversations/{id}) as If-Match, so a reply never ignores what arrived meanwhile.";

    public static async ValueTask<(ReplyInput? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (seen, badIfMatch) = VersionTags.ReadIfMatch(request, IfMatchRequired);
        if (seen is not { } version)
        {
            return (null, badIfMatch);
        }
        var idempotencyKey = request.Headers[SendReply.IdempotencyKeyHeader].FirstOrDefault();
        if (idempotencyKey is not null && !SendReply.IsIdempotencyKey(idempotencyKey))
        {
            return (null, Problems.BadRequest("Idempotency-Key must be 1-100 letters, digits, '-', '_', '.' or ':'.", SendReply.IdempotencyKeyHeader));
        }
        var (body, invalid) = await ReplyRequest.BindAsync(request, cancellationToken);
        return body is null ? (null, invalid) : (new ReplyInput(version, idempotencyKey, body), null);
    }
}

/// <summary>
/// The body of <c>POST /api/conversations/{id}/replies</c> (and of a draft). It carries files as base64, so it may be
/// as large as <c>Mail:MaxAttachmentBytes</c> allows (<see cref="SendReply.MaxBodyBytes"/>); above that, 413 naming
/// the setting. Its fields are checked by <see cref="SendReply.Validate"/>.
/// </summary>
public sealed record ReplyRequest(string? Text, string? Html, List<string>? Cc, List<ReplyAttachmentRequest>? Attachments, string? StatusAfter)
    : IRequestInput<ReplyRequest>
{
    public static async ValueTask<(ReplyRequest? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // A binder has only the request; the limit is a setting, so it comes from the request's services (both hosts
        // serve requests from the container that AddSwitchboard filled).
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<MailOptions>>().Value.MaxAttachmentBytes;
        var (body, bad) = await JsonBody.ReadAsync<ReplyRequest>(request, cancellationToken, maxBytes: SendReply.MaxBodyBytes(limit));
        return body is not null ? (body, null)
            : bad is IStatusCodeHttpResult { StatusCode: StatusCodes.Status413PayloadTooLarge } ? (null, SendReply.TooLarge(limit))
            : (null, bad);
    }
}

public sealed record ReplyAttachmentRequest(string? Name, string? ContentType, string? ContentBase64);
