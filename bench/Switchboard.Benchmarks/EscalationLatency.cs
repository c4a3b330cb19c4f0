using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Handlers.Mail;
using Switchboard.LocalHost;
using Switchboard.LocalHost.Queues;
using Switchboard.Storage.Account;
using Switchboard.Storage.Escalation;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Benchmarks;

/// <summary>
/// How late a page goes out after its deadline when everything runs for real: the local host with the system clock and
/// its queue pump (host.json polling) over Azurite. N customers write in, <see cref="Spacing"/> apart; the policy pages
/// one named person <see cref="Target"/> after each conversation starts. The page's check travels as a queue message
/// hidden until the deadline; the sweep is held off (grace of an hour) and bundling is off (window zero), so every page
/// is one conversation's own check, delivered by the message path alone.
/// </summary>
internal static partial class EscalationLatency
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(700);

    public static async Task<int> RunAsync(int conversations)
    {
        var azurite = await Azurite.GetAsync();
        var handedOver = new ConcurrentBag<(DateTimeOffset At, OutgoingEmail Email)>();
        await using var host = await BenchHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["LocalHost:Queues:Enabled"] = "true",
            ["Escalation:BundleWindow"] = "00:00:00",
            ["Escalation:SweepGrace"] = "01:00:00",
        }, services => services.AddSingleton<IMailSender>(provider =>
            new RecordingSender(ActivatorUtilities.CreateInstance<MailSinkSender>(provider), handedOver)));
        var (app, http, webhookSecret) = host;
        var polling = app.Services.GetRequiredService<IOptions<QueuePumpOptions>>().Value;

        var policy = await http.PutAsJsonAsync("/api/oncall/policies/support@acme.test", new
        {
            targetFirstResponse = Target.ToString("c", CultureInfo.InvariantCulture),
            levels = new[] { new { escalateAfter = "01:00:00", scheduleId = (string?)null, agentIds = new[] { "ada@acme.test" } } },
        });
        policy.EnsureSuccessStatusCode();

        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        for (var i = 0; i < conversations; i++)
        {
            var content = new ByteArrayContent(SyntheticMail.NewConversation(run, i, TimeProvider.System.GetUtcNow()));
            content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
            (await http.PostAsync($"/api/inbound/mime?key={webhookSecret}", content)).EnsureSuccessStatusCode();
            await Task.Delay(Spacing);
        }
        var waitUntil = TimeProvider.System.GetUtcNow() + Target + TimeSpan.FromSeconds(90);
        while (Pages(handedOver).Count < conversations && TimeProvider.System.GetUtcNow() < waitUntil)
        {
            await Task.Delay(250);
        }

        var store = app.Services.GetRequiredService<EscalationStore>();
        var delays = new List<double>();
        foreach (var (at, conversationId) in Pages(handedOver))
        {
            var state = await store.GetAsync(conversationId) ?? throw new InvalidOperationException($"No escalation for {conversationId}.");
            delays.Add((at - (state.StartedAt + Target)).TotalMilliseconds);
        }

        Console.WriteLine($"Escalation deadline → page handed to the mail sender, local host, system clock, queue pump over Azurite.");
        Console.WriteLine($"{conversations} conversations {Spacing.TotalMilliseconds} ms apart, target first response {Target.TotalSeconds} s; " +
            $"queues: maxPollingInterval {polling.MaxPollingInterval}, batchSize {polling.BatchSize}, newBatchThreshold {polling.EffectiveNewBatchThreshold}.");
        Console.WriteLine($"Pages: {delays.Count} of {conversations} (each conversation paged once: {Pages(handedOver).Select(p => p.ConversationId).Distinct().Count() == delays.Count}).");
        if (delays.Count == 0)
        {
            return 1;
        }
        delays.Sort();
        Console.WriteLine($"Delay ms: min {delays[0]:F0}, p50 {Percentile(delays, 0.50):F0}, p95 {Percentile(delays, 0.95):F0}, max {delays[^1]:F0}");
        return delays.Count == conversations ? 0 : 1;
    }

    private static List<(DateTimeOffset At, string ConversationId)> Pages(IEnumerable<(DateTimeOffset At, OutgoingEmail Email)> sent) =>
        [.. sent.Where(s => s.Email.Subject.StartsWith("[Page]", StringComparison.Ordinal))
            .SelectMany(s => ConversationLink().Matches(s.Email.Text).Select(m => (s.At, m.Groups[1].Value)))];

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    [GeneratedRegex(@"/conversations/(c[0-9a-f]{23})")]
    private static partial Regex ConversationLink();

    /// <summary>Notes the moment each email is handed over, then sends it on as the host would.</summary>
    private sealed class RecordingSender(IMailSender inner, ConcurrentBag<(DateTimeOffset, OutgoingEmail)> sent) : IMailSender
    {
        public Task<MailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
        {
            sent.Add((TimeProvider.System.GetUtcNow(), email));
            return inner.SendAsync(email, cancellationToken);
        }
    }
}
