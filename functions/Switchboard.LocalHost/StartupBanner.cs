using Switchboard.Handlers.Mail;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Inbound;
using Switchboard.LocalHost.Demo;

namespace Switchboard.LocalHost;

/// <summary>Once the host listens, says where everything is and how to send a first email in.</summary>
public sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IOptions<InboundOptions> inbound,
    IOptions<AuthOptions> auth,
    IOptions<MailOptions> mail,
    DemoSeeding? demo = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => Console.WriteLine(Text()));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string DemoLine() => demo switch
    {
        null => "",
        { Refusal: { } refusal } => $"\nDemo workspace: not seeded. {refusal}\n",
        _ => $"\nDemo workspace: being seeded now (a dozen conversations, two teammates); a line follows when it is ready.\n"
            + $"  Sign in as {auth.Value.FirstAdminEmail} to see it.\n",
    };

    private string Text()
    {
        var url = (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? LocalHostApp.DefaultUrl).TrimEnd('/');
        var secret = Uri.EscapeDataString(inbound.Value.WebhookSecret);
        return $"""

            Switchboard is running.
              Agent app       {url}/
              API reference   {url}/api-reference   (OpenAPI document: {url}/openapi/v1.json)
              Health          {url}/api/health
              Sign in as      {(auth.Value.FirstAdminEmail is { Length: > 0 } admin ? admin : "(set Auth__FirstAdminEmail)")}   (the link arrives in {url}/dev/mail)
              API key         {auth.Value.BootstrapApiKey}   (bootstrap admin key, for scripts)
              Mailboxes       {string.Join(", ", mail.Value.Mailboxes)}

            Send a test email in:
              curl -X POST '{url}/api/inbound/mime?key={secret}' -H 'Content-Type: message/rfc822' \
                --data-binary @tests/Switchboard.Tests/TestData/Inbound/Threads/Gmail3/01-customer.eml
            {DemoLine()}
            """;
    }
}
