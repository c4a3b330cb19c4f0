using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.OnCall;

/// <summary>Drives the on-call API as an admin with the bootstrap key, the way the web app and scripts do.</summary>
public sealed class OnCallDriver(TestHost host)
{
    /// <summary>A schedule body: one layer of <paramref name="participants"/>, daily 09:00 hand-offs from <paramref name="startDate"/>.</summary>
    public static object Body(string zone = "Europe/Berlin", string startDate = "2026-03-02", string shift = "days", int count = 1, params string[] participants) => new
    {
        name = "Support (primary)",
        timeZoneId = zone,
        layers = new[]
        {
            new { name = "Primary", participants = participants.Length > 0 ? participants : ["ada", "bob"], shiftLength = new { unit = shift, count }, handOffTime = "09:00", startDate },
        },
    };

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null, bool authorized = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (authorized)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);
        }
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return host.Client.SendAsync(request);
    }

    public async Task<JsonElement> CreateAsync(object body)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/oncall/schedules", body);
        return await ReadAsync(response, 201);
    }

    public async Task<JsonElement> GetAsync(string path) => await ReadAsync(await SendAsync(HttpMethod.Get, path), 200);

    public async Task<JsonElement> AddOverrideAsync(string scheduleId, string agentId, DateTimeOffset start, DateTimeOffset end) =>
        await ReadAsync(await SendAsync(HttpMethod.Post, $"/api/oncall/schedules/{scheduleId}/overrides", new { agentId, start, end }), 201);

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
