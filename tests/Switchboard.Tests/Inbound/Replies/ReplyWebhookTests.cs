using System.Net;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Inbound.Replies;

/// <summary>
/// Every reply fixture goes in through a public webhook (raw MIME, or SendGrid's raw mode for every third one) and is
/// read back through the JSON API: the agent sees the expected visible text and can still open the full text.
/// </summary>
public sealed class ReplyWebhookTests
{
    [Fact]
    public async Task Every_reply_fixture_shows_its_visible_text_through_the_api()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var fixtures = ReplyFixtures.Files().ToList();
        for (var i = 0; i < fixtures.Count; i++)
        {
            var raw = ReplyFixtures.Bytes(fixtures[i]);
            var response = i % 3 == 0 ? await PostSendGridRawAsync(host, raw) : await mail.PostMimeAsync(raw);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{fixtures[i]}: {(int)response.StatusCode}");
        }

        await mail.ProcessQueuedAsync();

        var byMessageId = (await mail.AllConversationsAsync())
            .SelectMany(c => c.Messages())
            .ToDictionary(m => m.Str("messageId"));
        Assert.All(fixtures, fixture =>
        {
            var messageId = ReplyFixtures.Load(fixture).MessageId!;
            Assert.True(byMessageId.TryGetValue(messageId, out var message), $"{fixture} is not in any conversation");
            Assert.Equal(ReplyFixtures.Expected(fixture), message.Str("visibleText"));
            Assert.True(message.Str("text").Length > message.Str("visibleText").Length, $"{fixture}: the full text is kept");
        });
    }

    private static async Task<HttpResponseMessage> PostSendGridRawAsync(TestHost host, byte[] raw)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(raw), "email" },
            { new StringContent("""{"to":["support@acme.test"],"from":"customer@example.com"}"""), "envelope" },
        };
        return await host.Client.PostAsync($"/api/inbound/sendgrid?key={TestHost.WebhookSecret}", form);
    }
}
