using Switchboard.Handlers.Mail;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Replies;

namespace Switchboard.Handlers.Hosting;

/// <summary>
/// The server's request body limit, in both hosts (each runs Kestrel: the local host directly, the Functions worker
/// behind the Functions host), derived from the settings that bound the largest bodies we accept:
/// <c>Inbound:MaxMessageBytes</c> (mail) and <c>Mail:MaxAttachmentBytes</c> (a reply's files). Kestrel's own default
/// (30,000,000 bytes) is below the documented 30 MiB of mail, and would answer an empty 500 in the worker.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>Room above the largest body a handler reads, so that the handler, not the server, answers 413 with a problem body.</summary>
    public const long Slack = 1024 * 1024;

    public static long Bytes(InboundOptions inbound, MailOptions mail) =>
        Math.Max(inbound.MaxMessageBytes, SendReply.MaxBodyBytes(mail.MaxAttachmentBytes)) + Slack;

    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services)
    {
        // Bound from configuration without validation: the server is built before start-up validation runs, and an
        // invalid setting must be reported by ValidateOnStart (naming it), not thrown from the server's constructor.
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
            kestrel.Limits.MaxRequestBodySize = Bytes(
                configuration.GetSection(InboundOptions.Section).Get<InboundOptions>() ?? new InboundOptions(),
                configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions()));
        return services;
    }
}
