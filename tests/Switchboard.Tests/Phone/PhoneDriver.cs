using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Phone;
using Switchboard.Storage.Phone;
using Switchboard.Tests.Escalation;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.OnCall;

namespace Switchboard.Tests.Phone;

/// <summary>
/// An agent with verified phone numbers and notification rules, paged by the escalation driver; reads the phone sink
/// and posts Twilio's webhooks signed as Twilio does (HMAC-SHA1 over the URL and the sorted form fields).
/// </summary>
public sealed partial class PhoneDriver(TestHost host)
{
    public const string AuthToken = "test-twilio-auth-token";
    public const string Mobile = "+4915123456789";
    public const string Desk = "+4930123456789";

    public static Dictionary<string, string?> Settings => new() { ["Twilio:AuthToken"] = AuthToken, ["Twilio:FromNumber"] = "+14155550100" };

    public EscalationDriver Escalation { get; } = new(host);

    public OnCallDriver Api => Escalation.OnCall;

    public async Task<string> InviteAsync(string email = "dana@acme.test") =>
        (await OnCallDriver.ReadAsync(await Api.SendAsync(HttpMethod.Post, "/api/agents/invitations", new { email, name = "Dana", role = "agent" }), 201)).Str("id");

    public async Task VerifyAsync(string agentId, string channel, string number)
    {
        await OnCallDriver.ReadAsync(await Api.SendAsync(HttpMethod.Put, $"/api/oncall/agents/{agentId}/contacts/{channel}", new { number }), 202);
        await OnCallDriver.ReadAsync(await Api.SendAsync(HttpMethod.Post, $"/api/oncall/agents/{agentId}/contacts/{channel}/verify", new { code = await LastCodeAsync(number) }), 200);
    }

    public async Task<string> LastCodeAsync(string number) =>
        CodePattern().Match((await SinkAsync()).First(i => i.To == number && i.Kind == "sms" && i.Body.Contains("verification code", StringComparison.Ordinal)).Body).Groups[1].Value;

    public async Task RulesAsync(string agentId, params object[] rules) =>
        await OnCallDriver.ReadAsync(await Api.SendAsync(HttpMethod.Put, $"/api/oncall/agents/{agentId}/rules", new { rules }), 200);

    public static object Rule(string channel, int afterMinutes) => new { channel, afterMinutes };

    /// <summary>The phone sink, newest first.</summary>
    public async Task<List<SinkPhoneEntity>> SinkAsync() => [.. await host.Services.GetRequiredService<PhoneSinkStore>().ListAsync(100)];

    public async Task<List<SinkPhoneEntity>> PagesSentAsync() =>
        [.. (await SinkAsync()).Where(i => i.Kind == "call" || i.Body.StartsWith("Switchboard page", StringComparison.Ordinal)).Reverse()];

    /// <summary>A policy paging <paramref name="agentId"/> first (bob 30 minutes later), a customer writing in, and the clock moved to the first page.</summary>
    public async Task<(string ConversationId, JsonElement Page)> PagedAsync(string agentId)
    {
        await Escalation.PutPolicyAsync(new
        {
            levels = new[] { EscalationDriver.Level(after: "00:30:00", agentIds: [agentId]), EscalationDriver.Level(agentIds: ["bob@acme.test"]) },
        });
        var conversation = await Escalation.CustomerWritesAsync("Export failed");
        await Escalation.AdvanceAsync(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(31));
        return (conversation, (await Escalation.PageLogAsync()).GetProperty("items")[0]);
    }

    /// <summary>Runs step <paramref name="index"/> of the page's rules as its delayed queue message would, at the fake clock's now.</summary>
    public Task RunStepAsync(JsonElement page, string agentId, int index, TimeSpan after) =>
        host.Services.GetRequiredService<RunPageNotification>().HandleAsync(JsonSerializer.Serialize(new
        {
            id = $"{page.Str("id")}-{index:D2}",
            pageId = page.Str("id"),
            agentId,
            index,
            summary = "1 conversation waiting on support@acme.test: \"Export failed\"",
            pageSentAt = page.GetProperty("sentAt").GetDateTimeOffset(),
            dueAt = page.GetProperty("sentAt").GetDateTimeOffset() + after,
        }));

    public Task<HttpResponseMessage> PostSignedAsync(string pathAndQuery, IDictionary<string, string> form, string? token = AuthToken)
    {
        var url = new Uri(host.BaseAddress, pathAndQuery).ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Sign(url, form, token ?? "not-the-token"));
        return host.Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> ReplyBySmsAsync(string from, string body, string? token = AuthToken) =>
        PostSignedAsync("/api/twilio/sms", new Dictionary<string, string> { ["From"] = from, ["To"] = "+14155550100", ["Body"] = body, ["MessageSid"] = "SM1" }, token);

    /// <summary>Presses a key on the call: posts to the call's <c>&lt;Gather action&gt;</c> as Twilio would.</summary>
    public Task<HttpResponseMessage> PressAsync(SinkPhoneEntity call, string digits, string? token = AuthToken)
    {
        var action = new Uri(WebUtility.HtmlDecode(ActionPattern().Match(call.Body).Groups[1].Value), UriKind.RelativeOrAbsolute);
        var path = action.IsAbsoluteUri ? action.PathAndQuery : action.ToString();
        return PostSignedAsync(path, new Dictionary<string, string> { ["Digits"] = digits, ["CallSid"] = "CA1", ["From"] = "+14155550100" }, token);
    }

    public static string Sign(string url, IDictionary<string, string> form, string token)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data.ToString())));
    }

    [GeneratedRegex("code is ([0-9]{6})")]
    private static partial Regex CodePattern();

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex ActionPattern();
}
