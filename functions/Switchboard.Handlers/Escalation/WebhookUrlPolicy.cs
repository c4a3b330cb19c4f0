using Switchboard.Handlers.Security;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// Which page webhook URLs an agent may set (the server posts to them: server-side request forgery otherwise): public
/// https only, or with <see cref="EscalationOptions.AllowLocalWebhooks"/> (development) also http and local addresses.
/// The rules are <see cref="PublicEndpoints"/>'; the paging HTTP client checks the connected address again.
/// </summary>
public static class WebhookUrlPolicy
{
    /// <summary>Null when acceptable; otherwise why not, in a sentence for the 400.</summary>
    public static string? Problem(string url, bool allowLocal) =>
        PublicEndpoints.UrlProblem(url, allowLocal) is { } problem ? "webhookUrl is refused: " + problem : null;
}
