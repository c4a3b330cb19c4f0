namespace Switchboard.Handlers.Inbound;

/// <summary>
/// <c>POST /api/inbound/mime</c>: one raw RFC 5322 message as the body, for other providers, scripts and imports.
/// The receiving mailbox may be named by the <c>X-Envelope-To</c> header or the <c>to</c> query parameter.
/// </summary>
public sealed class ReceiveMimeEmail(WebhookGuard guard, InboundAcceptance acceptance)
{
    private static readonly string[] AcceptedTypes = ["message/rfc822", "application/octet-stream", "text/plain"];

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (guard.RejectUnlessAuthorized(request) is { } unauthorized)
        {
            return unauthorized;
        }
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is { Length: > 0 } && !AcceptedTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType($"Send the raw message as message/rfc822, not {mediaType}.");
        }
        var (body, rejection) = await guard.ReadBodyAsync(request, cancellationToken);
        if (rejection is not null)
        {
            return rejection;
        }
        if (body!.Length == 0)
        {
            return Problems.BadRequest("The body is empty; send one raw RFC 5322 message.");
        }
        var envelopeTo = request.Headers["X-Envelope-To"].Concat(request.Query["to"])
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        return await acceptance.AcceptAsync(body, "mime", envelopeTo, request.Headers["X-Envelope-From"].FirstOrDefault(), cancellationToken);
    }
}
