using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Team;
using Switchboard.Storage.Team;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Auth;

/// <summary>Team handlers called directly with the caller and typed input, no HttpRequest.</summary>
public sealed class TeamHandlerTests
{
    [Fact]
    public async Task An_invited_agent_is_stored_as_invited_by_the_admin_who_asked()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var admin = new Agent("a0", AgentRoles.Admin, TestHost.FirstAdminEmail, "Alice", Agent.ViaSession);

        var result = await host.Services.GetRequiredService<InviteAgent>()
            .HandleAsync(admin, new Invitation("Dana@Acme.test", "Dana", AgentRoles.Trainee), "https://help.acme.test");

        var created = Assert.IsType<Created<AgentView>>(result);
        var stored = await host.Services.GetRequiredService<AgentStore>().GetAsync(created.Value!.Id);
        Assert.Equal(("dana@acme.test", AgentStatuses.Invited, AgentRoles.Trainee, "a0"), (stored?.Email, stored?.Status, stored?.Role, stored?.InvitedBy));
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_made_an_agent()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var store = host.Services.GetRequiredService<AgentStore>();
        var only = (await store.FindByEmailAsync(TestHost.FirstAdminEmail))!;

        var result = await host.Services.GetRequiredService<UpdateAgent>().HandleAsync(only.Id, new AgentChange(AgentRoles.Agent, null));

        Assert.Equal(StatusCodes.Status409Conflict, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Equal(AgentRoles.Admin, (await store.GetAsync(only.Id))?.Role);
    }
}
