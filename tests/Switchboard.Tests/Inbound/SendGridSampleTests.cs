using System.Net;
using System.Net.Http.Headers;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Inbound;

/// <summary>
/// Posts shaped like SendGrid's published Inbound Parse samples (boundary xYzZY, bare LF line ends, some with a UTF-8
/// byte-order mark, parsed and raw mode): each is accepted and the mail is visible through the API.
/// </summary>
public sealed class SendGridSampleTests
{
    [Theory]
    [InlineData("parsed-lf.txt", "Order 5521 has not arrived", "My order 5521 has not arrived yet.")]
    [InlineData("parsed-lf-bom-attachment.txt", "Rechnung fehlt", "Hallo,\n\ndie Rechnung für Oktober fehlt, siehe Anhang.")]
    [InlineData("raw-lf.txt", "Pedido retrasado", "Hola,\n\n¿Cuándo llegará el pedido 5521?")]
    [InlineData("raw-crlf-bom.txt", "SV: Faktura saknas", "Hej,\n\nfakturan har fortfarande inte kommit.")]
    [InlineData("parsed-crlf-inline.txt", "Broken dialog", "The dialog looks broken, see the picture.")]
    [InlineData("parsed-lf-latin1.txt", "Facture en double", "La facture 2026-118 apparaît deux fois, merci de vérifier.")]
    public async Task Sample_payload_is_accepted_and_visible(string payload, string subject, string visibleText)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        var response = await PostAsync(host, InboundDriver.FixtureBytes("SendGrid/" + payload));
        await mail.ProcessQueuedAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = Assert.Single((await mail.SingleConversationAsync()).Messages());
        Assert.Equal(subject, message.Str("subject"));
        Assert.Equal(visibleText, message.Str("visibleText"));
        Assert.DoesNotContain("unparsed", message.Flags());
    }

    [Fact]
    public async Task Attachments_of_a_bom_and_lf_payload_keep_their_names_and_content()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        await PostAsync(host, InboundDriver.FixtureBytes("SendGrid/parsed-lf-bom-attachment.txt"));
        await mail.ProcessQueuedAsync();

        var attachment = Assert.Single(Assert.Single((await mail.SingleConversationAsync()).Messages()).GetProperty("attachments").EnumerateArray());
        Assert.Equal("screenshot.txt", attachment.Str("name"));
        Assert.Equal("Kundenportal: keine Rechnungen gefunden", (await host.Client.GetStringAsync(attachment.Str("url"))).TrimEnd());
    }

    [Fact]
    public async Task Form_without_a_boundary_parameter_is_read_from_its_first_line()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var content = new ByteArrayContent(InboundDriver.FixtureBytes("SendGrid/raw-lf.txt"));
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");

        var response = await host.Client.PostAsync($"/api/inbound/sendgrid?key={TestHost.WebhookSecret}", content);
        await mail.ProcessQueuedAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single((await mail.SingleConversationAsync()).Messages());
    }

    [Fact]
    public async Task Form_with_only_unexpected_fields_is_still_stored_and_shown()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        using var form = new MultipartFormDataContent { { new StringContent("Where is my parcel?"), "subject" } };

        var response = await host.Client.PostAsync($"/api/inbound/sendgrid?key={TestHost.WebhookSecret}", form);
        await mail.ProcessQueuedAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Where is my parcel?", (await mail.SingleConversationAsync()).Str("subject"));
    }

    [Fact]
    public async Task Body_that_is_not_a_form_is_400_and_stores_nothing()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var content = new StringContent("just some words, no parts");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xYzZY");

        var response = await host.Client.PostAsync($"/api/inbound/sendgrid?key={TestHost.WebhookSecret}", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static Task<HttpResponseMessage> PostAsync(TestHost host, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xYzZY");
        return host.Client.PostAsync($"/api/inbound/sendgrid?key={TestHost.WebhookSecret}", content);
    }
}
