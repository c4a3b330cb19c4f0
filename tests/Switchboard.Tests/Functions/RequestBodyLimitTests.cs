using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Functions;

/// <summary>The server's body limit follows Inbound:MaxMessageBytes, so mail up to that size is accepted, not cut off by Kestrel.</summary>
public sealed class RequestBodyLimitTests
{
    [Fact]
    public async Task Mail_of_31_MB_is_accepted_under_the_default_30_MiB_limit()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mime = Mime(31_000_000);

        var response = await host.Client.PostAsync($"/api/inbound/mime?key={TestHost.WebhookSecret}", Body(mime));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Mail_over_the_limit_gets_a_413_problem()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Inbound:MaxMessageBytes"] = "1048576" }, queuePump: false);

        var response = await host.Client.PostAsync($"/api/inbound/mime?key={TestHost.WebhookSecret}", Body(Mime(2_000_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static ByteArrayContent Body(byte[] mime)
    {
        var content = new ByteArrayContent(mime);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return content;
    }

    /// <summary>A plain-text message padded to about <paramref name="size"/> bytes.</summary>
    private static byte[] Mime(int size)
    {
        var text = new StringBuilder("From: Ana <ana@example.com>\r\nTo: support@acme.test\r\nSubject: Big\r\nMessage-ID: <big@example.com>\r\n\r\n");
        var line = new string('a', 76) + "\r\n";
        while (text.Length + line.Length <= size)
        {
            text.Append(line);
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
