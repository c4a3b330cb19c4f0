using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Core;
using Switchboard.Storage.Account;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Inbound;

public sealed class InboundWebhookTests
{
    private const string Gmail = "Clients/gmail-reply.eml";

    [Fact]
    public async Task Mime_post_without_the_secret_is_401_and_stores_nothing()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        var missing = await mail.PostMimeAsync(InboundDriver.FixtureBytes(Gmail), key: null);
        var wrong = await mail.PostMimeAsync(InboundDriver.FixtureBytes(Gmail), key: "not-the-secret-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await RawBlobsAsync(host));
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task Mime_post_with_the_secret_as_basic_password_is_stored_and_queued_before_202()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/mime") { Content = new ByteArrayContent(InboundDriver.FixtureBytes(Gmail)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sendgrid:" + TestHost.WebhookSecret)));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("id");
        var blob = Assert.Single(await RawBlobsAsync(host));
        Assert.EndsWith($"/{id}.eml", blob);
        Assert.Equal(InboundDriver.FixtureBytes(Gmail), (await host.Storage.Container(StorageLayout.MailContainer).GetBlobClient(blob).DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(1, await QueuedAsync(host));
    }

    [Fact]
    public async Task Oversized_message_is_413_with_a_problem_naming_the_limit()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Inbound:MaxMessageBytes"] = "2048" }, queuePump: false);
        var mail = new InboundDriver(host);

        var response = await mail.PostMimeAsync(new byte[4096]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Inbound:MaxMessageBytes", (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"));
        Assert.Empty(await RawBlobsAsync(host));
    }

    [Fact]
    public async Task Empty_body_is_400_and_wrong_content_type_is_415()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        var empty = await mail.PostMimeAsync([]);
        var json = await host.Client.PostAsync($"/api/inbound/mime?key={TestHost.WebhookSecret}", JsonContent.Create(new { hello = "world" }));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task Storage_down_answers_503_so_the_sender_delivers_again()
    {
        await using var host = await TestHost.StartAsync(connectionString: UnreachableStorage.ConnectionString());

        var response = await new InboundDriver(host).PostMimeAsync(InboundDriver.FixtureBytes(Gmail));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task SendGrid_raw_mode_post_becomes_a_conversation()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(InboundDriver.FixtureBytes("Charsets/iso-8859-1.eml")), "email" },
            { new StringContent("""{"to":["support@acme.test"],"from":"bounce@example.com"}"""), "envelope" },
            { new StringContent("""{"email":"UTF-8"}"""), "charsets" },
        };

        var response = await host.Client.PostAsync($"/api/inbound/sendgrid?key={TestHost.WebhookSecret}", form);
        await mail.ProcessQueuedAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = Assert.Single((await mail.SingleConversationAsync()).Messages());
        Assert.Equal("inbound", message.Str("direction"));
        Assert.Contains("¿Cuándo llegará mi pedido?", message.Str("visibleText"));
    }

    [Fact]
    public async Task SendGrid_parsed_mode_post_keeps_threading_headers_charset_and_attachments()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        await mail.DeliverAsync("Threads/Gmail3/01-customer.eml");
        await mail.ProcessQueuedAsync();
        using var form = ParsedPost(
            headers: "From: Ana Pereira <ana.pereira@example.com>\nTo: support@acme.test\nSubject: Re: Dashboard shows no data for March\n" +
                     "Message-ID: <parsed-01@mail.example.com>\nIn-Reply-To: <CAJ7xq2G3-01@mail.gmail.com>\nContent-Type: multipart/mixed; boundary=x\n",
            text: Encoding.Latin1.GetBytes("Merci, ça marche à nouveau.\n\nOn Mon, Ana wrote:\n> old text\n"));

        var response = await host.Client.PostAsync($"/api/inbound/sendgrid?key={TestHost.WebhookSecret}", form);
        await mail.ProcessQueuedAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var conversation = await mail.SingleConversationAsync();
        var reply = conversation.Messages()[1];
        Assert.Equal("Merci, ça marche à nouveau.", reply.Str("visibleText").Trim());
        var attachment = Assert.Single(reply.GetProperty("attachments").EnumerateArray());
        Assert.Equal("report.csv", attachment.Str("name"));
        var download = await host.Client.GetStringAsync(attachment.Str("url"));
        Assert.Equal("a,b\n1,2\n", download);
    }

    [Fact]
    public async Task SendGrid_post_that_is_not_a_form_is_415_and_a_bad_signature_is_401()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Inbound:SendGridVerificationKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
        });
        var url = $"/api/inbound/sendgrid?key={TestHost.WebhookSecret}";

        var notAForm = await host.Client.PostAsync(url, new StringContent("hello"));
        var unsigned = await host.Client.PostAsync(url, ParsedPost("From: a@example.com\n", "hi"u8.ToArray()));
        var signed = await SignedPostAsync(host.Client, url, key, tamper: false);
        var tampered = await SignedPostAsync(host.Client, url, key, tamper: true);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAForm.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
    }

    private static async Task<HttpResponseMessage> SignedPostAsync(HttpClient client, string url, ECDsa key, bool tamper)
    {
        using var form = ParsedPost("From: a@example.com\nSubject: signed\n", "signed body"u8.ToArray());
        var body = await form.ReadAsByteArrayAsync();
        var timestamp = "1772442000";
        var signature = key.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        if (tamper) body[^10] ^= 1;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = form.Headers.ContentType;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(signature));
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        return await client.SendAsync(request);
    }

    private static MultipartFormDataContent ParsedPost(string headers, byte[] text)
    {
        var file = new ByteArrayContent("a,b\n1,2\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent
        {
            { new StringContent(headers), "headers" },
            { new ByteArrayContent(text), "text" },
            { new StringContent("""{"to":"UTF-8","text":"iso-8859-1","headers":"UTF-8"}"""), "charsets" },
            { new StringContent("""{"to":["support@acme.test"],"from":"ana.pereira@example.com"}"""), "envelope" },
            { new StringContent("1"), "attachments" },
            { new StringContent("""{"attachment1":{"filename":"report.csv","name":"report.csv","type":"text/csv"}}"""), "attachment-info" },
            { file, "attachment1", "report.csv" },
        };
    }

    private static async Task<List<string>> RawBlobsAsync(TestHost host)
    {
        var names = new List<string>();
        await foreach (var blob in host.Storage.Container(StorageLayout.MailContainer).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "raw/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }
        return names;
    }

    private static async Task<int> QueuedAsync(TestHost host) =>
        (await host.Storage.Queue(QueueNames.InboundEmail).GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
