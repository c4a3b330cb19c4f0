using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Team;
using Switchboard.Handlers.Calls;
using Switchboard.Storage.Conversations;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Replies;

/// <summary>LogCall called with a caller and typed input, without an HTTP request.</summary>
public sealed class CallHandlerTests
{
    [Fact]
    public async Task A_logged_call_is_stored_once_per_idempotency_key()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await new ReplyDriver(host).StartConversationAsync();
        var logCall = host.Services.GetRequiredService<LogCall>();
        var input = new CallInput("call-1", new CallRequest("Walked them through the tray.", "inbound", 5, null));

        var first = await logCall.HandleAsync(HandlerCalls.BootstrapAdmin, id, input);
        var again = await logCall.HandleAsync(HandlerCalls.BootstrapAdmin, id, input);

        Assert.Equal(201, first.Status());
        Assert.Equal(first.Value<CallLogged>().Call.Id, again.Value<CallLogged>().Call.Id);
        var (_, messages) = await host.Services.GetRequiredService<ConversationStore>().GetAsync(id);
        Assert.Equal("Walked them through the tray.", Assert.Single(messages, m => m.Kind == MessageKinds.Call).Text);
    }

    [Fact]
    public async Task A_trainee_may_log_a_call_but_not_email_it()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await new ReplyDriver(host).StartConversationAsync();
        var trainee = HandlerCalls.BootstrapAdmin with { Id = "a-trainee", Role = AgentRoles.Trainee };

        var refused = await host.Services.GetRequiredService<LogCall>().HandleAsync(
            trainee, id, new CallInput(null, new CallRequest("Promised a refund.", "outbound", null, EmailToCustomer: true)));

        Assert.Equal(403, refused.Status());
    }
}
