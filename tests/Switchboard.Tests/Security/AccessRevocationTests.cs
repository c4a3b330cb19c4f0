using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Auth;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.OnCall;

namespace Switchboard.Tests.Security;

/// <summary>What a disabled agent keeps (nothing), and who may break a schedule's shared calendar feed (admins).</summary>
public sealed class AccessRevocationTests
{
    [Fact]
    public async Task Disabling_an_agent_stops_their_calendar_feed_and_the_api_keys_they_created()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        using var driver = new SignInDriver(host);
        var ben = await driver.InviteAndSignInAsync("ben@acme.test", "admin", "Ben Admin");
        ben.CsrfToken = (await ben.MeAsync()).Str("csrfToken");
        var benId = await driver.AgentIdAsync("ben@acme.test");
        var key = (await Read(await ben.SendAsync(HttpMethod.Post, "/api/api-keys", new { name = "Ben's export" }), 201)).Str("key");
        var feed = (await Read(await ben.SendAsync(HttpMethod.Post, $"/api/oncall/agents/{benId}/calendar-token"), 201)).Str("url");
        Assert.Equal(HttpStatusCode.OK, (await WithKey(host, key, "/api/conversations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(feed)).StatusCode);

        var disabled = await driver.Bootstrap(HttpMethod.Patch, $"/api/agents/{benId}", new { status = "disabled" });

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(host, key, "/api/conversations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(feed)).StatusCode);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("trainee")]
    public async Task Only_admins_rotate_or_revoke_a_schedules_calendar_feed(string role)
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        using var driver = new SignInDriver(host);
        var admin = new OnCallDriver(host);
        var id = (await admin.CreateAsync(OnCallDriver.Body())).Str("id");
        var feed = (await OnCallDriver.ReadAsync(await admin.SendAsync(HttpMethod.Post, $"/api/oncall/schedules/{id}/calendar-token"), 201)).Str("url");
        var teammate = await driver.InviteAndSignInAsync("tess@acme.test", role, "Tess");
        teammate.CsrfToken = (await teammate.MeAsync()).Str("csrfToken");

        var rotate = await teammate.SendAsync(HttpMethod.Post, $"/api/oncall/schedules/{id}/calendar-token");
        var revoke = await teammate.SendAsync(HttpMethod.Delete, $"/api/oncall/schedules/{id}/calendar-token");

        Assert.Equal(HttpStatusCode.Forbidden, rotate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(feed)).StatusCode);
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response, int status)
    {
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> WithKey(TestHost host, string key, string path) =>
        host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) } });
}
