using System.Net;
using Switchboard.Storage.Escalation;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// <c>GET /api/oncall/acknowledge/{token}</c>: the page's acknowledge link, opened from an email or chat. It only shows a
/// button: link previews and mail scanners fetch links, and must not acknowledge. No session needed; the signed token
/// is the credential. Unknown or tampered → 404, already used → 410.
/// </summary>
public sealed class ShowPageAcknowledgement(PageLinks links, PageLogStore log)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string token, CancellationToken cancellationToken = default)
    {
        if (links.Verify(token) is not { } pageId || await log.GetAckAsync(pageId, cancellationToken) is not { } ack)
        {
            return AckPages.NotFound;
        }
        if (ack.AcknowledgedAt is { } at)
        {
            return AckPages.Used(at);
        }
        var count = ack.ConversationIds.Count;
        return AckPages.Html(200, "Acknowledge this page?",
            $"<p>Acknowledging stops escalation for {count} conversation{(count == 1 ? "" : "s")}: nobody else will be paged about {(count == 1 ? "it" : "them")}.</p>" +
            $"<form method=\"post\"><button type=\"submit\">Acknowledge</button></form>");
    }
}

/// <summary><c>POST /api/oncall/acknowledge/{token}</c>: acknowledges the page, once, and stops escalation for every conversation it listed.</summary>
public sealed class AcknowledgePage(PageLinks links, PageAcknowledger acknowledger)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string token, CancellationToken cancellationToken = default)
    {
        if (links.Verify(token) is not { } pageId)
        {
            return AckPages.NotFound;
        }
        var result = await acknowledger.AcknowledgeAsync(pageId, cancellationToken);
        if (result is not { Outcome: AckOutcome.Acknowledged, Ack: { } ack })
        {
            return result.Outcome == AckOutcome.Unknown ? AckPages.NotFound : AckPages.Used(result.At!.Value);
        }
        var stopped = result.Stopped;
        return AckPages.Html(200, "Acknowledged",
            $"<p>Thanks, {WebUtility.HtmlEncode(ack.AgentId)}. Escalation stopped for {stopped} conversation{(stopped == 1 ? "" : "s")}.</p>" +
            string.Concat(ack.ConversationIds.Select(id => $"<p><a href=\"/conversations/{WebUtility.HtmlEncode(id)}\">Open the conversation</a></p>")));
    }
}

internal static class AckPages
{
    public static IResult NotFound => Html(404, "Unknown link", "<p>This acknowledge link is not valid.</p>");

    public static IResult Used(DateTimeOffset at) =>
        Html(410, "Already acknowledged", $"<p>This page was acknowledged at {at:yyyy-MM-dd HH:mm} UTC. The link works once.</p>");

    public static IResult Html(int status, string title, string body) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
        $"<title>{title} · Switchboard</title></head><body><h1>{title}</h1>{body}</body></html>",
        "text/html; charset=utf-8", statusCode: status);
}
