using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Core;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Inbound;

public sealed class ConversationApiTests
{
    [Theory]
    [InlineData("/api/conversations")]
    [InlineData("/api/conversations/c0123456789abcdef0123456")]
    public async Task Agent_endpoints_refuse_anonymous_callers(string path)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("?status=archived", "status")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?mailbox=sales@acme.test", "mailbox")]
    [InlineData("?continuationToken=%%%", "continuationToken")]
    public async Task Bad_query_is_400_naming_the_field(string query, string field)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await new InboundDriver(host).GetAsync("/api/conversations" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("field"));
    }

    [Theory]
    [InlineData("/api/conversations/nope")]
    [InlineData("/api/conversations/c0123456789abcdef0123456")]
    [InlineData("/api/conversations/c0123456789abcdef0123456/messages/m0123456789abcdef0123456/raw")]
    public async Task Unknown_ids_are_404(string path)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await new InboundDriver(host).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Inbox_pages_newest_first_and_filters_by_mailbox()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        await mail.DeliverAsync("Clients/gmail-reply.eml", "Clients/apple-mail-reply.eml");
        await mail.PostMimeAsync(InboundDriver.FixtureBytes("Clients/thunderbird-reply.eml"), envelopeTo: "billing@acme.test");
        await mail.ProcessQueuedAsync();

        var first = await mail.ListAsync("?limit=2");
        var second = await mail.ListAsync($"?limit=2&continuationToken={first.Str("continuationToken")}");
        var billing = await mail.ListAsync("?mailbox=billing@acme.test");

        var all = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(3, all.Select(c => c.Str("id")).Distinct().Count());
        var activity = all.Select(c => c.GetProperty("lastActivityAt").GetDateTimeOffset()).ToList();
        Assert.Equal(activity.OrderDescending(), activity);
        var only = Assert.Single(billing.GetProperty("items").EnumerateArray());
        Assert.Equal("billing@acme.test", only.Str("mailbox"));
        Assert.False(string.IsNullOrWhiteSpace(only.Str("preview")));
    }

    [Fact]
    public async Task Unreadable_mail_still_appears_flagged_with_its_raw_source_downloadable()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var garbage = InboundDriver.FixtureBytes("Broken/garbage.eml");
        await mail.PostMimeAsync(garbage);
        await mail.ProcessQueuedAsync();

        var message = Assert.Single((await mail.SingleConversationAsync()).Messages());
        Assert.Contains("unparsed", message.Flags());
        var raw = await host.Client.GetByteArrayAsync(message.Str("rawUrl")); // a signed link: no API key needed
        Assert.Equal(garbage, raw);
    }

    [Fact]
    public async Task Attachments_and_inline_images_download_through_signed_links_only()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        await mail.DeliverAsync("Clients/inline-image.eml");
        await mail.ProcessQueuedAsync();

        var message = Assert.Single((await mail.SingleConversationAsync()).Messages());
        var image = message.GetProperty("attachments").EnumerateArray().First(a => a.GetProperty("inline").GetBoolean());
        var url = image.Str("url");
        Assert.Contains(url.Replace("&", "&amp;"), message.Str("html").Replace("&", "&amp;").Replace("&amp;amp;", "&amp;"));
        var download = await host.Client.GetAsync(url);
        var tampered = await host.Client.GetAsync(url.Replace("/attachments/0", "/attachments/1"));
        var unsigned = await host.Client.GetAsync(url[..url.IndexOf('?')]);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(image.GetProperty("size").GetInt64(), (await download.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public async Task Poison_messages_are_replayed_by_an_admin_and_then_processed()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        await mail.DeliverAsync("Clients/gmail-reply.eml");
        var queue = host.Storage.Queue(QueueNames.InboundEmail);
        var poison = host.Storage.Queue(QueueNames.PoisonOf(QueueNames.InboundEmail));
        var stuck = (await queue.ReceiveMessagesAsync(1)).Value[0];
        await poison.SendMessageAsync(stuck.Body);
        await queue.DeleteMessageAsync(stuck.MessageId, stuck.PopReceipt);

        var anonymous = await host.Client.PostAsync("/api/queues/inbound-email/replay", null);
        var unknown = await host.Client.SendAsync(Admin("/api/queues/no-such-queue/replay"));
        var replay = await host.Client.SendAsync(Admin("/api/queues/inbound-email/replay"));
        await mail.ProcessQueuedAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetInt32());
        Assert.Single((await mail.SingleConversationAsync()).Messages());
    }

    [Fact]
    public async Task Mail_posted_to_the_webhook_reaches_the_inbox_through_the_queue_pump()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00.500",
        });
        var mail = new InboundDriver(host);

        await mail.DeliverAsync("Threads/Gmail3/01-customer.eml", "Threads/Gmail3/02-support-reply.eml");

        Assert.True(await Eventually.TrueAsync(async () =>
            (await mail.ListAsync()).GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } c
            && c.GetProperty("messageCount").GetInt32() == 2));
    }

    private static HttpRequestMessage Admin(string path) => new(HttpMethod.Post, path)
    {
        Headers = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestHost.ApiKey) },
    };
}
