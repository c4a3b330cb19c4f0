using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Storage.Mail;
using Switchboard.Tests.Drafts;
using Switchboard.Tests.Escalation;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Outreach;

/// <summary>Posts error alerts with the API key, reads the outreach drafts, conversations and pages they led to.</summary>
public sealed class OutreachDriver(TestHost host)
{
    public EscalationDriver Escalation { get; } = new(host);

    public DraftDriver Drafts { get; } = new(host);

    public static object Alert(string email, string summary, string? dedupKey = null, string severity = "error", string? link = null, string? occurredAt = null) =>
        new { customer = new { email, name = "Ann Smith" }, summary, dedupKey, severity, link, occurredAt };

    public Task<HttpResponseMessage> PostRawAsync(string json, string? key = TestHost.ApiKey, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts") { Content = new StringContent(json, Encoding.UTF8, contentType) };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return host.Client.SendAsync(request);
    }

    public async Task<JsonElement> PostAsync(object alert)
    {
        var response = await PostRawAsync(JsonSerializer.Serialize(alert));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public async Task<JsonElement> PutTemplateAsync(string subject, string body, int status = 200, string key = TestHost.ApiKey)
    {
        var response = await Drafts.SendAsync(HttpMethod.Put, "/api/outreach/template", key, new { subject, body });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Drafts waiting for approval, oldest first.</summary>
    public Task<JsonElement[]> WaitingDraftsAsync() => Drafts.ListAsync(TestHost.ApiKey, "?state=submitted");

    public async Task<JsonElement> DraftAsync(string conversationId) => Assert.Single(await Drafts.OfConversationAsync(conversationId));

    public async Task<JsonElement> ConversationAsync(string conversationId) => (await Drafts.Replies.GetAsync(conversationId)).Conversation;

    /// <summary>Every [Page] email, oldest first.</summary>
    public Task<List<SinkMailEntity>> PagesAsync() => Escalation.PagesAsync();

    public async Task<List<SinkMailEntity>> MailToAsync(string address) =>
        [.. (await host.Services.GetRequiredService<MailSinkStore>().ListAsync(100)).Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase))];

    public static string Str(JsonElement element, string name) => element.Str(name);
}
