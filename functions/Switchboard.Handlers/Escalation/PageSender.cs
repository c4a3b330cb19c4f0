using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Threading;
using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Phone;
using Switchboard.Handlers.Security;
using Switchboard.Storage;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.Team;
using Switchboard.Handlers.Metrics;

namespace Switchboard.Handlers.Escalation;

/// <summary>One waiting conversation listed in a page.</summary>
public sealed record PageItem(string ConversationId, string Subject, string Mailbox, string CustomerEmail, DateTimeOffset StartedAt, int Level);

/// <summary>
/// Sends one page to one person, by email and, if they set one, by webhook (Slack/Teams-compatible <c>{"text": …}</c>),
/// and logs it. A page lists every conversation in it, each with a link into the app, and one acknowledge link that
/// stops escalation for all of them. A failing webhook is logged on the page, never retried: the email went out.
/// Then the agent's notification rules (texts, calls) start (<see cref="PageNotifier"/>). Sending the same page id
/// again (a takeover after a crash) repeats the email with the same Message-ID and the same links, and adds no second
/// log entry, page count or texts; only the webhook is posted again (a chat channel cannot drop a duplicate).
/// </summary>
public sealed partial class PageSender(
    AgentStore agents, IMailSender mail, OwnMessageIds ownMessageIds, IHttpClientFactory http, PageLinks links, PageLogStore log, PageNotifier notifier,
    IOptions<EscalationOptions> options, MetricsRecorder metrics, TimeProvider time, ILogger<PageSender> logger)
{
    public const string HttpClientName = "pages";

    public const string MessageIdPurpose = "page";

    /// <summary>Sends page <paramref name="pageId"/> (<see cref="PageLinks.PageIdFor"/>); the record as logged, with the time it was first sent.</summary>
    public async Task<PageRecord> SendPageAsync(string pageId, string agentRef, IReadOnlyList<PageItem> items, CancellationToken cancellationToken = default)
    {
        var contact = await ResolveAsync(agentRef, cancellationToken);
        var mailboxes = string.Join(", ", items.Select(i => i.Mailbox).Distinct(StringComparer.OrdinalIgnoreCase));
        var subject = $"[Page] {items.Count} conversation{(items.Count == 1 ? "" : "s")} waiting on {mailboxes}";
        var text = new StringBuilder();
        text.AppendLine(items.Count == 1 ? "A conversation has had no answer from the team:" : $"{items.Count} conversations have had no answer from the team:").AppendLine();
        foreach (var item in items)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {item.Subject} (from {item.CustomerEmail}, waiting since {item.StartedAt:yyyy-MM-dd HH:mm} UTC, level {item.Level})")
                .AppendLine(CultureInfo.InvariantCulture, $"  Open: {links.ConversationUrl(item.ConversationId)}");
        }
        var ackUrl = links.AcknowledgeUrl(pageId);
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Acknowledge (stops escalation for {(items.Count == 1 ? "it" : "all of them")}): {ackUrl}");

        var channels = new List<PageChannel>();
        // Mail stores keep one message per Message-ID: a page sent again after a crash is not a second page in the inbox.
        channels.Add(await SendEmailAsync(contact, items[0].Mailbox, subject, text.ToString(), cancellationToken, ownMessageIds.Derive(MessageIdPurpose, pageId)));
        if (contact.WebhookUrl is { Length: > 0 } webhook)
        {
            channels.Add(await PostWebhookAsync(webhook, $"{subject}\n{text}", cancellationToken));
        }
        var record = new PageRecord(pageId, "page", time.GetUtcNow(), agentRef, contact.Email ?? "", JsonSerializer.Serialize(channels, JsonDefaults.Options),
            [.. items.Select(i => i.ConversationId)],
            JsonSerializer.Serialize(items.Select(i => new { id = i.ConversationId, subject = i.Subject, mailbox = i.Mailbox, level = i.Level }), JsonDefaults.Options));
        record = record with { SentAt = await log.AddAsync(record, cancellationToken) };
        await metrics.RecordPageSentAsync(pageId, record.SentAt, cancellationToken);
        if (contact.AgentId is { } agentId)
        {
            await notifier.StartAsync(record, agentId, PhonePageText.Summary(items.Count, mailboxes, items.Select(i => i.Subject)), cancellationToken);
        }
        return record;
    }

    /// <summary>Tells someone who was paged that the conversation no longer needs them (best effort: email only, not logged).</summary>
    public async Task SendNoticeAsync(string agentRef, string from, string subject, string text, CancellationToken cancellationToken = default)
    {
        var contact = await ResolveAsync(agentRef, cancellationToken);
        await SendEmailAsync(contact, from, subject, text, cancellationToken);
        if (contact.WebhookUrl is { Length: > 0 } webhook)
        {
            await PostWebhookAsync(webhook, $"{subject}\n{text}", cancellationToken);
        }
    }

    private async Task<PageChannel> SendEmailAsync(Contact contact, string from, string subject, string text, CancellationToken cancellationToken, string? messageId = null)
    {
        if (contact.Email is null)
        {
            return new PageChannel("email", false, $"No email address for '{contact.AgentRef}'.");
        }
        await mail.SendAsync(new OutgoingEmail(from, [contact.Email], subject, text,
            Headers: new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated", ["X-Switchboard-Page"] = "1" }) { MessageId = messageId }, cancellationToken);
        return new PageChannel("email", true, contact.Email);
    }

    /// <summary>
    /// The page log shows every agent only whether the webhook took the page: a status code or error message would let
    /// them probe whatever the URL reaches. The detail goes to the server log. A redirect is a failure (not followed).
    /// </summary>
    private async Task<PageChannel> PostWebhookAsync(string url, string text, CancellationToken cancellationToken)
    {
        // Saved before the current rules, or under development settings since turned off: checked again before use.
        if (PublicEndpoints.UrlProblem(url, options.Value.AllowLocalWebhooks) is { } problem)
        {
            LogWebhookRefused(url, problem);
            return new PageChannel("webhook", false, WebhookFailed);
        }
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsJsonAsync(url, new { text }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogWebhookAnswered(url, (int)response.StatusCode);
                return new PageChannel("webhook", false, WebhookFailed);
            }
            return new PageChannel("webhook", true, WebhookDelivered);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogWebhookFailed(e, url);
            return new PageChannel("webhook", false, WebhookFailed);
        }
    }

    public const string WebhookDelivered = "delivered";
    public const string WebhookFailed = "failed";

    /// <summary>Schedules name agents by id or by email address; either may be an agent on the team.</summary>
    private async Task<Contact> ResolveAsync(string agentRef, CancellationToken cancellationToken)
    {
        var agent = await agents.GetAsync(agentRef, cancellationToken)
            ?? (agentRef.Contains('@') ? await agents.FindByEmailAsync(agentRef, cancellationToken) : null);
        return agent is not null
            ? new Contact(agentRef, agent.Email, agent.PageWebhookUrl is { Length: > 0 } url ? url : null, agent.Id)
            : new Contact(agentRef, agentRef.Contains('@') ? agentRef : null, null, null);
    }

    private sealed record Contact(string AgentRef, string? Email, string? WebhookUrl, string? AgentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting a page to the webhook {Url} failed.")]
    private partial void LogWebhookFailed(Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The page webhook {Url} answered {Status}.")]
    private partial void LogWebhookAnswered(string url, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The page webhook {Url} was not called: {Problem}")]
    private partial void LogWebhookRefused(string url, string problem);
}

/// <summary>How a page went out on one channel: <c>email</c> or <c>webhook</c>; <see cref="Detail"/> is the address, or for a webhook only <c>delivered</c> / <c>failed</c>.</summary>
public sealed record PageChannel(string Channel, bool Ok, string Detail);
