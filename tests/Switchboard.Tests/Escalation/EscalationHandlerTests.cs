using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Escalation;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.Team;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Escalation;

/// <summary>Escalation handlers called directly with the caller and typed input, no HttpRequest.</summary>
public sealed class EscalationHandlerTests
{
    private static readonly PolicyBody OneLevel = new(TimeSpan.FromMinutes(30), [new LevelBody(TimeSpan.FromMinutes(5), null, ["ada"])], 0, null, null);

    [Fact]
    public async Task A_first_policy_needs_no_if_match_but_replacing_it_does()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var put = host.Services.GetRequiredService<PutEscalationPolicy>();

        var created = await put.HandleAsync(EscalationDriver.Mailbox, new PolicyEdit(OneLevel, IfMatch: null));
        var blind = await put.HandleAsync(EscalationDriver.Mailbox, new PolicyEdit(OneLevel with { Repeat = 2 }, IfMatch: null));

        var tagged = Assert.IsType<ETaggedResult>(created);
        Assert.Equal(tagged.ETag, Assert.IsType<PolicyView>(tagged.Value).Etag);
        Assert.Equal(StatusCodes.Status428PreconditionRequired, Assert.IsAssignableFrom<IStatusCodeHttpResult>(blind).StatusCode);
        var stored = await host.Services.GetRequiredService<EscalationPolicyStore>().GetAsync(EscalationDriver.Mailbox);
        Assert.Equal(tagged.ETag, stored?.ETag.ToString());
        Assert.Equal(0, stored?.Policy.Repeat);
    }

    [Fact]
    public async Task An_agent_may_not_set_a_teammates_paging_webhook()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var set = host.Services.GetRequiredService<SetPagingSettings>();
        var admin = (await host.Services.GetRequiredService<AgentStore>().FindByEmailAsync(TestHost.FirstAdminEmail))!;
        var ada = new Agent("ada", AgentRoles.Agent, "ada@acme.test", "Ada", Agent.ViaSession);

        var refused = await set.HandleAsync(ada, admin.Id, new PagingSettingsBody("https://hooks.slack.com/services/T0/B0/x"));

        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsAssignableFrom<IStatusCodeHttpResult>(refused).StatusCode);
        Assert.Null((await host.Services.GetRequiredService<AgentStore>().GetAsync(admin.Id))?.PageWebhookUrl);
    }
}
