using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Status.Subscribers;
using Switchboard.Storage.Mail;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Status;

/// <summary>Runs the <c>status-notifications</c> queue by hand and reads what subscribers got.</summary>
internal static partial class SubscriberDriver
{
    public const string PublicUrl = "https://status.acme.test";

    /// <summary>Handles every queued message (and what they queue) <paramref name="deliveries"/> times each, as a redelivering queue would; returns how many messages there were.</summary>
    public static async Task<int> DrainAsync(TestHost host, int deliveries = 1)
    {
        var queue = host.Storage.Queue(QueueNames.StatusNotifications);
        var handler = host.Services.GetRequiredService<DeliverStatusNotifications>();
        var handled = 0;
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10))).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                for (var i = 0; i < deliveries; i++)
                {
                    await handler.HandleAsync(message.Body.ToString());
                }
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                handled++;
            }
        }
        return handled;
    }

    public static async Task<IReadOnlyList<SinkMailEntity>> MailToAsync(TestHost host, string address) =>
        (await host.Services.GetRequiredService<MailSinkStore>().ListAsync(500)).Where(m => m.To == address).Reverse().ToList();

    public static Dictionary<string, string> Headers(SinkMailEntity mail) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(mail.Headers)!;

    /// <summary>The path of the first link to <paramref name="route"/> in a mail's text (links are absolute, on <see cref="PublicUrl"/>).</summary>
    public static string LinkPath(string text, string route) =>
        new Uri(Regex.Match(text, Regex.Escape(PublicUrl + route) + @"\S+").Value).AbsolutePath;

    /// <summary>Counts notifications per recipient instead of storing them: the 10,000-subscriber run.</summary>
    public sealed class CountingSender : IMailSender
    {
        public ConcurrentDictionary<string, int> Notifications { get; } = new();

        public Task<MailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
        {
            if (email.Headers?.ContainsKey("List-Unsubscribe") == true)
            {
                Notifications.AddOrUpdate(email.To[0], 1, (_, n) => n + 1);
            }
            return Task.FromResult(new MailSendResult(null));
        }
    }

    /// <summary>A webhook receiver on a loopback port that keeps every post.</summary>
    public sealed class WebhookReceiver : IAsyncDisposable
    {
        private readonly WebApplication app;

        private WebhookReceiver(WebApplication app) => this.app = app;

        public ConcurrentQueue<(Dictionary<string, string> Headers, byte[] Body)> Posts { get; } = new();

        public string Url => app.Urls.Single() + "/hook";

        public static async Task<WebhookReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var receiver = new WebhookReceiver(app);
            app.MapPost("/hook", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                receiver.Posts.Enqueue((request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray()));
                return Results.Ok();
            });
            await app.StartAsync();
            return receiver;
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
