using Switchboard.Handlers.Mail;
using Switchboard.Core.Inbound;
using Switchboard.Core.Threading;
using Switchboard.Storage.Inbound;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// Whether mail that names a notification and carries an agent's From address really is that agent's answer. Both
/// must hold: it went to the secret reply address of that notification for that agent
/// (<see cref="NotificationReplyAddresses"/>; the notification's Message-ID alone travels in forwards and quotes), and
/// a check we trust passed for the From domain (<see cref="SenderAuthentication"/>: SendGrid's SPF/dkim fields, or the
/// receiving server's Authentication-Results named in <c>Inbound:TrustedAuthServIds</c>).
/// </summary>
public sealed class AgentMailVerification(NotificationReplyAddresses replyAddresses, RawMailStore rawMail, IOptions<InboundOptions> options)
{
    public async Task<SenderVerdict> VerifyAsync(
        IncomingMessage incoming, InboundEmailReceived received, string agentId, string notificationMessageId, CancellationToken cancellationToken = default)
    {
        if (incoming.Email.From is not { } from)
        {
            return new(false, "it has no From address");
        }
        if (!replyAddresses.IsAmong(incoming.ReplyTokens, agentId, notificationMessageId))
        {
            return new(false, "it was not sent to the reply address of the notification you received");
        }
        var trusted = new List<AuthenticationResults>();
        if (received.ProviderAuthentication is { } provider && AuthenticationResults.Parse(provider) is { AuthservId: SenderAuthentication.SendGridAuthservId } sendGrid)
        {
            trusted.Add(sendGrid);
        }
        var trustedIds = options.Value.TrustedAuthServIds.Where(id => !string.IsNullOrWhiteSpace(id)).ToList();
        if (trustedIds.Count > 0
            && SenderAuthentication.TrustedHeader(await rawMail.ReadAsync(received.RawBlobName, cancellationToken), trustedIds) is { } header)
        {
            trusted.Add(header);
        }
        return SenderAuthentication.Evaluate(from.Address, trusted);
    }
}
