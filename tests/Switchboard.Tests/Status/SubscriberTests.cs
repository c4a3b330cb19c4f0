using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Status;
using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Status;
using Switchboard.Handlers.Status.Subscribers;
using Switchboard.Storage.Status;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Xunit.Abstractions;
using static Switchboard.Tests.Status.StatusApiTests;
using static Switchboard.Tests.Status.SubscriberDriver;

namespace Switchboard.Tests.Status;

/// <summary>Status page subscribers against Azurite: double opt-in, notifications, one-click unsubscribe, webhooks, fan-out.</summary>
public sealed class SubscriberTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Auth:PublicUrl"] = PublicUrl };

    private static Task<HttpResponseMessage> SubscribeAsync(TestHost host, object body) =>
        host.Client.PostAsJsonAsync("/api/public/status/subscriptions", body);

    private static Task<HttpResponseMessage> OpenIncidentAsync(TestHost host, string title, string componentId, bool notify = true) =>
        SendAsync(host, HttpMethod.Post, "/api/status/incidents", new
        {
            title, impact = "major", status = "investigating", message = "We are looking into it.",
            components = new[] { new { id = componentId, state = "major_outage" } }, notify,
        });

    private static StatusSubscriber Confirmed(string email, params string[] components) =>
        new(StatusSubscriber.IdOf(SubscriberKind.Email, email), SubscriberKind.Email, email, components, true,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public async Task A_confirmed_subscriber_gets_one_mail_with_one_click_unsubscribe_and_none_after_using_it()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var api = await ComponentAsync(host, "API");

        var answer = await JsonAsync(await SubscribeAsync(host, new { email = "ada@example.com" }), HttpStatusCode.Accepted);
        await JsonAsync(await SubscribeAsync(host, new { email = "bob@example.com" }), HttpStatusCode.Accepted);
        await DrainAsync(host);
        var confirmation = Assert.Single(await MailToAsync(host, "ada@example.com"));
        var confirmPath = LinkPath(confirmation.Text, "/api/public/status/subscriptions/confirm/");
        var confirmPage = await host.Client.GetStringAsync(confirmPath);
        var confirmed = await host.Client.PostAsync(confirmPath, null);
        Assert.Equal(HttpStatusCode.Created, (await OpenIncidentAsync(host, "API errors", api)).StatusCode);
        await DrainAsync(host);

        Assert.Contains("Check your inbox", answer.Str("message"));
        Assert.Equal("Confirm your subscription to Status", confirmation.Subject);
        Assert.Contains("<button type=\"submit\">Confirm subscription</button>", confirmPage);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var mails = await MailToAsync(host, "ada@example.com");
        Assert.Equal(2, mails.Count);
        var notice = mails[1];
        Assert.Equal("[Status] API errors: Investigating", notice.Subject);
        var headers = Headers(notice);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
        var unsubscribe = new Uri(headers["List-Unsubscribe"].Trim('<', '>'));
        Assert.Equal(("https", "status.acme.test"), (unsubscribe.Scheme, unsubscribe.Host));
        Assert.Contains(unsubscribe.AbsoluteUri, notice.Text);
        Assert.Single(await MailToAsync(host, "bob@example.com")); // unconfirmed: only the confirmation

        // RFC 8058: the mail client posts "List-Unsubscribe=One-Click" to the URL, no page in between.
        var oneClick = await host.Client.PostAsync(unsubscribe.AbsolutePath,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.Created, (await OpenIncidentAsync(host, "API errors again", api)).StatusCode);
        await DrainAsync(host);

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(2, (await MailToAsync(host, "ada@example.com")).Count);
        Assert.Single(await MailToAsync(host, "bob@example.com"));
    }

    [Fact]
    public async Task Opening_an_unsubscribe_link_only_shows_a_button()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var ada = Confirmed("ada@example.com");
        await host.Services.GetRequiredService<SubscriberStore>().AddManyAsync([ada]);
        var path = new Uri(host.Services.GetRequiredService<SubscriberLinks>().UnsubscribeUrl(ada.Id)).AbsolutePath;

        var page = await host.Client.GetStringAsync(path);
        var stillThere = await host.Services.GetRequiredService<SubscriberStore>().GetAsync(ada.Id);
        var tampered = await host.Client.PostAsync(path[..^3] + "abc", null);

        Assert.Contains("<button type=\"submit\">Unsubscribe</button>", page);
        Assert.NotNull(stillThere);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
    }

    [Fact]
    public async Task A_subscriber_to_some_components_hears_only_of_incidents_touching_them()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var api = await ComponentAsync(host, "API");
        var mail = await ComponentAsync(host, "Email delivery");
        await host.Services.GetRequiredService<SubscriberStore>().AddManyAsync(
            [Confirmed("api@example.com", api), Confirmed("all@example.com"), Confirmed("mail@example.com", mail)]);

        await OpenIncidentAsync(host, "API errors", api);
        await OpenIncidentAsync(host, "Quiet fix", api, notify: false);
        await DrainAsync(host);

        Assert.Single(await MailToAsync(host, "api@example.com"));
        Assert.Single(await MailToAsync(host, "all@example.com"));
        Assert.Empty(await MailToAsync(host, "mail@example.com"));
    }

    [Fact]
    public async Task Maintenance_is_announced_when_scheduled_started_and_completed_to_those_who_chose_its_components()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false, fakeTime: true);
        var database = await ComponentAsync(host, "Database");
        var website = await ComponentAsync(host, "Website");
        await host.Services.GetRequiredService<SubscriberStore>().AddManyAsync(
            [Confirmed("db@example.com", database), Confirmed("web@example.com", website), Confirmed("all@example.com")]);
        var now = host.Time!.GetUtcNow();

        var window = Assert.IsType<Created<Maintenance>>(await host.Services.GetRequiredService<ScheduleMaintenance>().HandleAsync(
            new NewMaintenance("Database upgrade", "Read-only for a while.", [database], now.AddHours(1), now.AddHours(2)))).Value!;
        var advance = host.Services.GetRequiredService<AdvanceMaintenance>();
        // The hourly sweep's timer fires on the fake clock too and may move the window first: either way one stage, one notice.
        host.Time.Advance(TimeSpan.FromHours(1));
        await advance.AdvanceAsync(window.Id);
        host.Time.Advance(TimeSpan.FromHours(1));
        await advance.AdvanceAsync(window.Id);

        string[] expected =
        [
            "[Status] Maintenance completed: Database upgrade", "[Status] Maintenance in progress: Database upgrade",
            "[Status] Scheduled maintenance: Database upgrade",
        ];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await DrainAsync(host);
            return (await MailToAsync(host, "db@example.com")).Count >= expected.Length;
        }));
        await DrainAsync(host);
        Assert.Equal(expected, (await MailToAsync(host, "db@example.com")).Select(m => m.Subject).Order());
        Assert.Equal(expected, (await MailToAsync(host, "all@example.com")).Select(m => m.Subject).Order());
        Assert.Empty(await MailToAsync(host, "web@example.com"));
    }

    [Fact]
    public async Task A_mail_that_fails_for_now_is_sent_when_the_chunk_is_retried_and_nobody_else_gets_a_second()
    {
        var sender = new FlakySender("b@example.com");
        await using var host = await TestHost.StartAsync(Settings, services => services.AddSingleton<IMailSender>(sender), queuePump: false);
        var api = await ComponentAsync(host, "API");
        await host.Services.GetRequiredService<SubscriberStore>().AddManyAsync(
            [Confirmed("a@example.com"), Confirmed("b@example.com"), Confirmed("c@example.com")]);
        await OpenIncidentAsync(host, "API errors", api);
        var queue = host.Storage.Queue(Switchboard.Core.QueueNames.StatusNotifications);
        var message = Assert.Single((await queue.ReceiveMessagesAsync(10)).Value).Body.ToString();
        var handler = host.Services.GetRequiredService<DeliverStatusNotifications>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => handler.HandleAsync(message));
        var afterFirst = sender.Sent.ToDictionary();
        await handler.HandleAsync(message);

        Assert.Equal(2, afterFirst.Count);
        Assert.Equal(new Dictionary<string, int> { ["a@example.com"] = 1, ["b@example.com"] = 1, ["c@example.com"] = 1 }, sender.Sent.ToDictionary());
    }

    /// <summary>Refuses the first mail to one address as a transient failure (SendGrid's 429), then accepts everything.</summary>
    private sealed class FlakySender(string failOnce) : IMailSender
    {
        private int failed;

        public System.Collections.Concurrent.ConcurrentDictionary<string, int> Sent { get; } = new();

        public Task<MailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
        {
            if (email.To[0] == failOnce && Interlocked.Exchange(ref failed, 1) == 0)
            {
                throw new MailSendFailedException(true, "SendGrid answered 429.", 429);
            }
            Sent.AddOrUpdate(email.To[0], 1, (_, n) => n + 1);
            return Task.FromResult(new MailSendResult(null));
        }
    }

    [Fact]
    public async Task Subscribing_again_answers_the_same_and_sends_nothing_new_to_a_confirmed_address()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        await host.Services.GetRequiredService<SubscriberStore>().AddManyAsync([Confirmed("ada@example.com")]);

        var known = await SubscribeAsync(host, new { email = "ada@example.com" });
        var unknown = await SubscribeAsync(host, new { email = "new@example.com" });
        await DrainAsync(host);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (known.StatusCode, unknown.StatusCode));
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        Assert.Empty(await MailToAsync(host, "ada@example.com"));
        Assert.Single(await MailToAsync(host, "new@example.com"));
    }

    [Fact]
    public async Task A_webhook_subscriber_gets_its_secret_in_the_confirmation_then_correctly_signed_posts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>(Settings) { ["StatusChecks:AllowLocalTargets"] = "true" }, queuePump: false);
        var api = await ComponentAsync(host, "API");

        await JsonAsync(await SubscribeAsync(host, new { webhookUrl = receiver.Url, components = new[] { api } }), HttpStatusCode.Accepted);
        await DrainAsync(host);
        var (confirmHeaders, confirmBody) = Assert.Single(receiver.Posts);
        var request = JsonDocument.Parse(confirmBody).RootElement;
        var secret = request.Str("secret");
        Assert.Equal("subscription.confirm", request.Str("type"));
        Assert.Equal(WebhookSignature.Sign(secret, long.Parse(confirmHeaders["X-Switchboard-Timestamp"]), confirmBody), confirmHeaders["X-Switchboard-Signature"]);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync(new Uri(request.Str("confirmUrl")).AbsolutePath, null)).StatusCode);

        await OpenIncidentAsync(host, "API errors", api);
        await DrainAsync(host);

        Assert.Equal(2, receiver.Posts.Count);
        var (headers, body) = receiver.Posts.Last();
        var timestamp = long.Parse(headers["X-Switchboard-Timestamp"]);
        Assert.Equal(WebhookSignature.Sign(secret, timestamp, body), headers["X-Switchboard-Signature"]);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp, -5, 60);
        var notice = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("incident.created", "incident.created"), (notice.Str("type"), headers["X-Switchboard-Event"]));
        Assert.Equal(("API errors", "investigating"), (notice.GetProperty("incident").Str("title"), notice.GetProperty("incident").Str("status")));
        Assert.Equal(notice.Str("id"), headers["X-Switchboard-Delivery"]);
    }

    [Fact]
    public async Task Bad_subscriptions_get_a_400_problem()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);

        var bodies = new object[]
        {
            new { },
            new { email = "ada@example.com", webhookUrl = "https://hooks.example.com/x" },
            new { email = "not an address" },
            new { email = "ada@localhost" },
            new { email = "ada@example.com", components = new[] { "cnope" } },
        };
        foreach (var body in bodies)
        {
            var response = await SubscribeAsync(host, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var text = await host.Client.PostAsync("/api/public/status/subscriptions", new StringContent("email=x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync("/api/public/status/subscriptions/confirm/e123.abc")).StatusCode);
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://10.0.0.7/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://hooks.example.com/plain-http")]
    [InlineData("ftp://hooks.example.com/x")]
    public async Task A_webhook_to_an_internal_or_insecure_target_is_refused(string url)
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);

        var response = await SubscribeAsync(host, new { webhookUrl = url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("webhookUrl is refused", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await DrainAsync(host));
    }

    [Fact]
    public async Task The_eleventh_subscription_from_one_client_within_an_hour_is_a_429()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);

        for (var i = 0; i < Subscribe.Limit.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await SubscribeAsync(host, new { email = $"p{i}@example.com" })).StatusCode);
        }
        var limited = await SubscribeAsync(host, new { email = "one-more@example.com" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task Ten_thousand_subscribers_with_every_chunk_delivered_twice_each_get_exactly_one_mail()
    {
        const int count = 10_000;
        var sender = new CountingSender();
        var total = Stopwatch.StartNew();
        await using var host = await TestHost.StartAsync(Settings, services => services.AddSingleton<IMailSender>(sender), queuePump: false);
        var api = await ComponentAsync(host, "API");
        var store = host.Services.GetRequiredService<SubscriberStore>();
        var subscribers = Enumerable.Range(0, count).Select(i => Confirmed($"s{i:D5}@example.com")).ToList();
        await Parallel.ForEachAsync(subscribers.Chunk(1_000), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (batch, ct) => await store.AddManyAsync(batch, ct));
        output.WriteLine($"Host started and {count} subscribers seeded in {total.Elapsed}.");
        var clock = Stopwatch.StartNew();

        await OpenIncidentAsync(host, "Everything is down", api);
        var messages = await DrainAsync(host, deliveries: 2);
        output.WriteLine($"Fan-out of {messages} chunk messages, each delivered twice: {clock.Elapsed}.");

        Assert.Equal(FanOut.Chunks(count), messages);
        Assert.Equal(count, sender.Notifications.Count);
        Assert.All(sender.Notifications, n => Assert.Equal(1, n.Value));
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"The fan-out took {clock.Elapsed}.");
    }
}
