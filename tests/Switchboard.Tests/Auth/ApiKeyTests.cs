using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Auth;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task Api_key_created_by_an_admin_works_until_it_is_revoked()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);

        var created = await driver.Bootstrap(HttpMethod.Post, "/api/api-keys", new { name = "Nightly export" });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var me = await WithKey(driver, key, HttpMethod.Get, "/api/auth/me");
        var listed = await WithKey(driver, key, HttpMethod.Get, "/api/conversations");
        var revoked = await driver.Bootstrap(HttpMethod.Delete, $"/api/api-keys/{body.GetProperty("id").GetString()}");
        var afterRevoke = await WithKey(driver, key, HttpMethod.Get, "/api/conversations");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("agent", body.GetProperty("role").GetString());
        Assert.Equal("api-key", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("via").GetString());
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task Api_key_with_the_agent_role_cannot_manage_the_team_or_keys()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        var key = (await (await driver.Bootstrap(HttpMethod.Post, "/api/api-keys", new { name = "Bot" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("key").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, (await WithKey(driver, key, HttpMethod.Get, "/api/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WithKey(driver, key, HttpMethod.Post, "/api/api-keys", new { name = "More" })).StatusCode);
    }

    [Fact]
    public async Task Key_with_a_wrong_secret_is_refused_and_revoking_an_unknown_key_gets_404()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        var body = await (await driver.Bootstrap(HttpMethod.Post, "/api/api-keys", new { name = "Bot", role = "admin" })).Content.ReadFromJsonAsync<JsonElement>();
        var forged = $"sbk_{body.GetProperty("id").GetString()}_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(driver, forged, HttpMethod.Get, "/api/conversations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await driver.Bootstrap(HttpMethod.Delete, "/api/api-keys/0123456789abcdef")).StatusCode);
    }

    private static Task<HttpResponseMessage> WithKey(SignInDriver driver, string key, HttpMethod method, string path, object? body = null) =>
        driver.Client.SendAsync(new HttpRequestMessage(method, path)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
            Content = body is null ? null : JsonContent.Create(body),
        });
}
