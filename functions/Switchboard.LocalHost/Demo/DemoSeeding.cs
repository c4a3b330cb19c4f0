using Switchboard.Handlers.Mail;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Inbound;
using Switchboard.Handlers.Team;
using Switchboard.Storage.Metrics;

namespace Switchboard.LocalHost.Demo;

/// <summary>
/// <c>--demo</c>: once the host listens and the first admin exists, runs <see cref="DemoSeeder"/> against the host's own
/// HTTP API and says when the workspace is ready. Only while outgoing mail goes to the mail sink, so that no demo reply
/// ever leaves this machine. A failure is logged; the host keeps running.
/// </summary>
public sealed class DemoSeeding(
    IHostApplicationLifetime lifetime,
    IServer server,
    FirstAdminSeeder firstAdmin,
    IOptions<AuthOptions> auth,
    IOptions<InboundOptions> inbound,
    IOptions<MailOptions> mail,
    MetricFactStore facts,
    MetricRollupStore rollups,
    TimeProvider time,
    ILogger<DemoSeeding> logger) : BackgroundService
{
    public const string Argument = "--demo";

    /// <summary>Why the demo will not be seeded, or null when it will.</summary>
    public string? Refusal => !mail.Value.UsesSink
        ? "The demo is seeded only while Mail:Sender is 'sink', so that its replies never reach real addresses."
        : auth.Value.FirstAdminEmail is not { Length: > 0 } ? "The demo needs Auth:FirstAdminEmail, the admin it seeds for." : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Refusal is { } refusal)
        {
            logger.LogWarning("{Refusal}", refusal);
            return;
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        await firstAdmin.Ready.WaitAsync(stoppingToken);
        var url = BaseUrl();
        try
        {
            // The past first: its replay leaves no conversation open, so today's backlog is the live demo's alone.
            var history = await new DemoHistory(facts, rollups, time).SeedAsync(mail.Value.Mailboxes, DemoSetup.SupportTarget, stoppingToken);
            using var api = DemoApi.Create(new Uri(url), auth.Value.BootstrapApiKey, inbound.Value.WebhookSecret);
            var seeder = new DemoSeeder(api, auth.Value.FirstAdminEmail!, mail.Value.Mailboxes, time);
            var summary = await seeder.SeedAsync(stoppingToken);
            Console.WriteLine($"""

                Demo workspace ready: {summary.Conversations} conversations, {summary.Agents} teammates{(history ? $", {DemoHistory.Days} days of metrics history" : "")}.
                  Sign in as {auth.Value.FirstAdminEmail} at {url}/ (the link arrives in {url}/dev/mail);
                  {seeder.Sam} (agent) and {seeder.Mia} (trainee) sign in the same way.

                """);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Seeding the demo workspace failed; the host keeps running. Run with --demo again to finish it.");
        }
    }

    private string BaseUrl()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? LocalHostApp.DefaultUrl;
        // The host may listen on every interface; the demo talks to it over loopback (the mail sink's view needs that).
        var uri = new UriBuilder(address.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost").Replace("://+", "://localhost").Replace("://*", "://localhost"));
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
