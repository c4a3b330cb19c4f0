using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Customers;

public sealed class CustomerApiTests
{
    private const string Ana = "Ana Pereira <ana.pereira@example.com>";

    private static async Task<HttpResponseMessage> SendAsync(TestHost host, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);
        return await host.Client.SendAsync(request);
    }

    private static async Task<JsonElement> CustomerAsync(TestHost host, string email)
    {
        var response = await SendAsync(host, HttpMethod.Get, "/api/customers/" + Uri.EscapeDataString(email));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task DeliverAsync(TestHost host, TestEmail email)
    {
        var mail = new InboundDriver(host);
        Assert.True((await mail.PostMimeAsync(email.ToBytes())).IsSuccessStatusCode);
        await mail.ProcessQueuedAsync();
    }

    [Fact]
    public async Task Customer_view_lists_every_conversation_latest_activity_first_with_first_and_last_contact()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var first = new TestEmail(Ana, "support@acme.test", "Invoice 2291 is wrong");
        await DeliverAsync(host, first);
        host.Time!.Advance(TimeSpan.FromDays(2));
        await DeliverAsync(host, new TestEmail(Ana, "billing@acme.test", "Change of address"));
        host.Time.Advance(TimeSpan.FromDays(1));
        await DeliverAsync(host, new TestEmail(Ana, "support@acme.test", "Re: Invoice 2291 is wrong", "Any news?") { InReplyTo = first.MessageId });
        await DeliverAsync(host, new TestEmail("Tom <tom@becker.example>", "support@acme.test", "Someone else"));

        var customer = await CustomerAsync(host, "Ana.Pereira@example.com");

        Assert.Equal("Ana Pereira", customer.Str("name"));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), customer.GetProperty("firstContactAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero), customer.GetProperty("lastContactAt").GetDateTimeOffset());
        var conversations = customer.GetProperty("conversations").EnumerateArray().ToList();
        Assert.Equal(["Invoice 2291 is wrong", "Change of address"], conversations.Select(c => c.Str("subject")));
        Assert.Equal(2, conversations[0].GetProperty("messageCount").GetInt32());
        Assert.Equal("open", conversations[0].Str("status"));
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("notes").ValueKind);
    }

    [Fact]
    public async Task Notes_are_kept_with_who_wrote_them_and_survive_new_mail()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        await DeliverAsync(host, new TestEmail(Ana, "support@acme.test", "Hello"));

        var put = await SendAsync(host, HttpMethod.Put, "/api/customers/ana.pereira%40example.com/notes", new { text = "VIP since 2019. Prefers phone calls." });
        await DeliverAsync(host, new TestEmail(Ana, "support@acme.test", "Another question"));
        var customer = await CustomerAsync(host, "ana.pereira@example.com");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var notes = customer.GetProperty("notes");
        Assert.Equal("VIP since 2019. Prefers phone calls.", notes.Str("text"));
        Assert.Equal("bootstrap", notes.GetProperty("updatedBy").Str("id"));
        Assert.Equal(host.Time!.GetUtcNow(), notes.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("""{"text": 5}""", "text")]
    [InlineData("""{}""", "text")]
    public async Task Bad_notes_are_400_naming_the_field(string json, string field)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        await DeliverAsync(host, new TestEmail(Ana, "support@acme.test", "Hello"));
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/customers/ana.pereira@example.com/notes")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("field"));
    }

    [Fact]
    public async Task Notes_longer_than_the_limit_are_refused()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        await DeliverAsync(host, new TestEmail(Ana, "support@acme.test", "Hello"));

        var response = await SendAsync(host, HttpMethod.Put, "/api/customers/ana.pereira@example.com/notes", new { text = new string('x', 5001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/customers/nobody@example.com")]
    [InlineData("GET", "/api/customers/not-an-address")]
    [InlineData("PUT", "/api/customers/nobody@example.com/notes")]
    public async Task Unknown_customers_are_404(string method, string path)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await SendAsync(host, new HttpMethod(method), path, method == "PUT" ? new { text = "hi" } : null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
