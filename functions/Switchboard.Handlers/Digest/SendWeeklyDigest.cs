using Microsoft.Extensions.Logging;
using Switchboard.Handlers.Mail;
using Switchboard.Storage.Digest;

namespace Switchboard.Handlers.Digest;

/// <summary>
/// The weekly timer (<see cref="Hosting.TimerSchedules.Weekly"/>): sends the last week's digest to every active agent and
/// the extra addresses, one email each, through the outbound mail sender (the dev mail sink locally). The week is
/// marked sent first, so a second run (a host restart, a retried timer) sends nothing; if no email at all could be
/// sent, the mark is removed and the next run tries again.
/// </summary>
public sealed partial class SendWeeklyDigest(
    BuildWeeklyDigest build, FeedbackCommentStore comments, IMailSender mail, IOptions<MailOptions> mailOptions, TimeProvider time,
    ILogger<SendWeeklyDigest> logger)
{
    /// <returns>How many emails went out.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var digest = await build.BuildAsync(cancellationToken);
        if (digest.Recipients.Count == 0 || mailOptions.Value.Mailboxes.FirstOrDefault() is not { } from
            || !await comments.TryMarkSentAsync(digest.Week, time.GetUtcNow(), cancellationToken))
        {
            return 0;
        }
        var (text, html) = DigestMail.Render(digest);
        var team = mailOptions.Value.TeamName is { Length: > 0 } name ? name : "Switchboard";
        var sent = 0;
        foreach (var recipient in digest.Recipients)
        {
            try
            {
                await mail.SendAsync(new OutgoingEmail($"\"{team}\" <{from}>", [recipient], digest.Subject, text, html,
                    new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" }), cancellationToken);
                sent++;
            }
            catch (MailSendFailedException e)
            {
                LogNotSent(digest.Week, recipient, e.Message);
            }
        }
        if (sent == 0)
        {
            await comments.UnmarkSentAsync(digest.Week, cancellationToken);
        }
        LogSent(digest.Week, sent);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly digest {Week} sent to {Count} recipients.")]
    private partial void LogSent(string week, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Weekly digest {Week} could not be sent to {Recipient}: {Detail}")]
    private partial void LogNotSent(string week, string recipient, string detail);
}

/// <summary><c>GET /api/digest/preview</c>: the digest the next weekly run would send (the last complete week).</summary>
public sealed class GetDigestPreview(BuildWeeklyDigest build)
{
    public async Task<Microsoft.AspNetCore.Http.IResult> HandleAsync(CancellationToken cancellationToken = default) =>
        Microsoft.AspNetCore.Http.Results.Ok(await build.BuildAsync(cancellationToken));
}
