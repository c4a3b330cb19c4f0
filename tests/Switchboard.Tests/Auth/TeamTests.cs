using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Auth;

public sealed class TeamTests
{
    [Fact]
    public async Task First_admin_comes_from_configuration()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);

        var agents = await (await driver.Bootstrap(HttpMethod.Get, "/api/agents")).Content.ReadFromJsonAsync<JsonElement>();

        var admin = Assert.Single(agents.GetProperty("items").EnumerateArray());
        Assert.Equal(TestHost.FirstAdminEmail, admin.GetProperty("email").GetString());
        Assert.Equal("admin", admin.GetProperty("role").GetString());
        Assert.Equal("active", admin.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invited_agent_is_emailed_a_link_and_becomes_active_by_following_it()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);

        var invited = await driver.Bootstrap(HttpMethod.Post, "/api/agents/invitations", new { email = "dana@acme.test", name = "Dana", role = "agent" });
        var before = await invited.Content.ReadFromJsonAsync<JsonElement>();
        var dana = await driver.SignInWithLinkAsync(await driver.LatestLinkAsync("dana@acme.test"));

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.Equal("invited", before.GetProperty("status").GetString());
        Assert.Equal("Dana", (await dana.MeAsync()).GetProperty("name").GetString());
        var agents = await (await driver.Bootstrap(HttpMethod.Get, "/api/agents")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("active", agents.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Dana").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Inviting_an_address_already_on_the_team_gets_409()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);

        var response = await driver.Bootstrap(HttpMethod.Post, "/api/agents/invitations", new { email = "ADMIN@acme.test", name = "Again", role = "agent" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Trainee_cannot_invite()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        var trainee = await driver.InviteAndSignInAsync("tom@acme.test", "trainee");

        var response = await trainee.SendAsync(HttpMethod.Post, "/api/agents/invitations", new { email = "eve@acme.test", name = "Eve", role = "admin" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainee.GetAsync("/api/agents")).StatusCode);
    }

    [Fact]
    public async Task Last_active_admin_cannot_be_demoted_or_disabled()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        var adminId = await driver.AgentIdAsync(TestHost.FirstAdminEmail);

        var demoted = await driver.Bootstrap(HttpMethod.Patch, $"/api/agents/{adminId}", new { role = "agent" });
        var disabled = await driver.Bootstrap(HttpMethod.Patch, $"/api/agents/{adminId}", new { status = "disabled" });

        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, disabled.StatusCode);
    }

    [Fact]
    public async Task Admin_can_step_down_once_another_admin_is_active()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        var second = await driver.InviteAndSignInAsync("zoe@acme.test", "admin");

        var demoted = await second.SendAsync(HttpMethod.Patch, $"/api/agents/{await driver.AgentIdAsync(TestHost.FirstAdminEmail)}", new { role = "agent" });
        var selfDemoted = await second.SendAsync(HttpMethod.Patch, $"/api/agents/{await driver.AgentIdAsync("zoe@acme.test")}", new { role = "agent" });

        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, selfDemoted.StatusCode);
    }

    [Fact]
    public async Task Changing_an_unknown_agent_gets_404_and_an_unknown_role_400()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);

        var unknown = await driver.Bootstrap(HttpMethod.Patch, "/api/agents/a0000000000000000", new { role = "agent" });
        var badRole = await driver.Bootstrap(HttpMethod.Patch, $"/api/agents/{await driver.AgentIdAsync(TestHost.FirstAdminEmail)}", new { role = "owner" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
    }
}
