using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Status;

/// <summary>The status API against Azurite, and the public files every change republishes under /status/.</summary>
public sealed class StatusApiTests
{
    internal static async Task<HttpResponseMessage> SendAsync(TestHost host, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);
        return await host.Client.SendAsync(request);
    }

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task<string> ComponentAsync(TestHost host, string name, string? group = null) =>
        (await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/status/components", new { name, group }), HttpStatusCode.Created)).Str("id");

    private static async Task<JsonElement> PublicStatusAsync(TestHost host) =>
        await JsonAsync(await host.Client.GetAsync("/status/status.json"), HttpStatusCode.OK);

    [Fact]
    public async Task An_incident_shows_on_the_public_page_until_it_is_resolved()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var api = await ComponentAsync(host, "API", "Platform");
        var mail = await ComponentAsync(host, "Email delivery", "Platform");

        var incident = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/status/incidents", new
        {
            title = "Email delayed", impact = "major", status = "investigating", message = "Outgoing mail is queueing.",
            components = new[] { new { id = mail, state = "partial_outage" } }, notify = true,
        }), HttpStatusCode.Created);
        var during = await PublicStatusAsync(host);
        var page = await host.Client.GetStringAsync("/status/");
        var id = incident.Str("id");
        await JsonAsync(await SendAsync(host, HttpMethod.Post, $"/api/status/incidents/{id}/updates",
            new { status = "resolved", message = "Mail is flowing again.", notify = true }), HttpStatusCode.Created);
        var after = await PublicStatusAsync(host);
        var incidentPage = await host.Client.GetStringAsync($"/status/incidents/{id}/");

        Assert.Equal("major", during.GetProperty("status").Str("indicator"));
        Assert.Equal("Partial System Outage", during.GetProperty("status").Str("description"));
        Assert.Equal("partial_outage", during.GetProperty("components").EnumerateArray().Single(c => c.Str("id") == mail).Str("state"));
        Assert.Equal("Platform", during.GetProperty("components")[0].Str("group"));
        Assert.Contains("Email delayed", page);
        Assert.Contains("Outgoing mail is queueing.", page);
        Assert.Equal("none", after.GetProperty("status").Str("indicator"));
        Assert.All(after.GetProperty("components").EnumerateArray(), c => Assert.Equal("operational", c.Str("state")));
        var published = Assert.Single(after.GetProperty("incidents").EnumerateArray());
        Assert.Equal("resolved", published.Str("status"));
        Assert.Equal(["Mail is flowing again.", "Outgoing mail is queueing."], published.GetProperty("updates").EnumerateArray().Select(u => u.Str("message")));
        Assert.Contains("Mail is flowing again.", incidentPage);
        Assert.NotEqual(api, mail);
    }

    [Fact]
    public async Task Six_incidents_opened_at_the_same_moment_are_all_accepted_and_all_published()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = await ComponentAsync(host, "Email delivery");

        // Each change renders and publishes the whole section; the publishes that lose the release switch render again.
        var answers = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => SendAsync(host, HttpMethod.Post, "/api/status/incidents", new
        {
            title = $"Incident {i}", impact = "minor", status = "investigating", message = $"Looking at {i}.",
            components = new[] { new { id = mail, state = "degraded_performance" } }, notify = false,
        })));

        foreach (var answer in answers)
        {
            await JsonAsync(answer, HttpStatusCode.Created);
        }
        var published = (await PublicStatusAsync(host)).GetProperty("incidents").EnumerateArray().Select(i => i.Str("title")).Order();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"Incident {i}"), published);
    }

    [Fact]
    public async Task A_resolved_incident_refuses_updates_and_takes_a_postmortem()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = (await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/status/incidents",
            new { title = "Blip", impact = "minor", status = "resolved", message = "Recorded after the fact." }), HttpStatusCode.Created)).Str("id");

        var update = await JsonAsync(await SendAsync(host, HttpMethod.Post, $"/api/status/incidents/{id}/updates",
            new { status = "monitoring", message = "Back?" }), HttpStatusCode.Conflict);
        var postmortem = await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/status/incidents/{id}/postmortem",
            new { text = "A certificate expired." }), HttpStatusCode.OK);
        var page = await host.Client.GetStringAsync($"/status/incidents/{id}/");

        Assert.Contains("resolved", update.Str("detail"));
        Assert.Equal("A certificate expired.", postmortem.Str("postmortem"));
        Assert.Contains("A certificate expired.", page);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_unknown_ids_are_404()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var badImpact = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/status/incidents",
            new { title = "x", impact = "apocalyptic", status = "investigating", message = "m" }), HttpStatusCode.BadRequest);
        var noTitle = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/status/incidents",
            new { impact = "minor", status = "investigating", message = "m" }), HttpStatusCode.BadRequest);
        var unknownComponent = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/status/incidents",
            new { title = "x", impact = "minor", status = "investigating", message = "m", components = new[] { new { id = "cnope", state = "major_outage" } } }),
            HttpStatusCode.BadRequest);
        var missing = await SendAsync(host, HttpMethod.Post, "/api/status/incidents/0000000000000000000-abcd/updates", new { status = "resolved", message = "m" });
        var hostileId = await SendAsync(host, HttpMethod.Get, "/api/status/incidents/..%2F..");
        var tooSoon = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/status/maintenances", new
        {
            title = "Upgrade", message = "m", components = new[] { await ComponentAsync(host, "DB") },
            startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(1),
        }), HttpStatusCode.BadRequest);
        var anonymous = await host.Client.PostAsJsonAsync("/api/status/incidents", new { title = "x" });

        Assert.Equal("impact", badImpact.Str("field"));
        Assert.Equal("title", noTitle.Str("field"));
        Assert.Equal("components", unknownComponent.Str("field"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hostileId.StatusCode);
        Assert.Equal("startsAt", tooSoon.Str("field"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Scheduled_maintenance_and_templates_are_listed_and_published()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var db = await ComponentAsync(host, "Database");
        var startsAt = DateTimeOffset.UtcNow.AddDays(1);

        await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/status/maintenances", new
        {
            title = "Database upgrade", message = "Writes pause for a minute.", components = new[] { db }, startsAt, endsAt = startsAt.AddHours(1),
        }), HttpStatusCode.Created);
        await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/status/templates",
            new { name = "Investigating errors", title = "Elevated errors", status = "investigating", message = "We are looking into it." }), HttpStatusCode.Created);
        var maintenances = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/status/maintenances"), HttpStatusCode.OK);
        var templates = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/status/templates"), HttpStatusCode.OK);
        var published = await PublicStatusAsync(host);
        var feed = await host.Client.GetStringAsync("/status/feed.atom");

        Assert.Equal("Database upgrade", Assert.Single(maintenances.GetProperty("items").EnumerateArray()).Str("title"));
        Assert.Equal("investigating", Assert.Single(templates.GetProperty("items").EnumerateArray()).Str("status"));
        var announced = Assert.Single(published.GetProperty("maintenances").EnumerateArray());
        Assert.Equal("scheduled", announced.Str("status"));
        Assert.Equal([db], announced.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("Maintenance: Database upgrade", feed);
    }
}
