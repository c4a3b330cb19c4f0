using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Drafts;
using Switchboard.Handlers.Replies;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;

namespace Switchboard.Tests.Drafts;

/// <summary>The draft handlers called with a caller and typed input, without an HTTP request.</summary>
public sealed class DraftHandlerTests
{
    private static readonly Agent Trainee = new("a-trainee-handler-test", AgentRoles.Trainee, "tess@acme.test", "Tess Trainee", Agent.ViaSession);

    [Fact]
    public async Task A_trainees_draft_waits_in_the_approval_queue_and_a_return_sends_it_back_with_the_comment()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await new ReplyDriver(host).StartConversationAsync();

        var submitted = await host.Services.GetRequiredService<SubmitDraft>().HandleAsync(
            Trainee, id, new ReplyRequest("Have you tried turning it off and on?", null, null, null, null));

        Assert.Equal(201, submitted.Status());
        var draft = submitted.Value<DraftView>();
        Assert.Equal("submitted", draft.State);
        var list = host.Services.GetRequiredService<ListDrafts>();
        var queue = (await list.HandleAsync(HandlerCalls.BootstrapAdmin, new DraftQuery(null, false, 100))).Value<DraftList>();
        Assert.Equal(draft.Id, Assert.Single(queue.Items).Id);

        var returned = await host.Services.GetRequiredService<ReturnDraft>().HandleAsync(
            HandlerCalls.BootstrapAdmin, draft.Id, new ReturnDraftRequest("Ask for the model first."), baseUrl: null);

        Assert.Equal(200, returned.Status());
        Assert.Equal("returned", returned.Value<DraftView>().State);
        Assert.Empty((await list.HandleAsync(HandlerCalls.BootstrapAdmin, new DraftQuery(null, false, 100))).Value<DraftList>().Items);
        var own = (await list.HandleAsync(Trainee, new DraftQuery(null, false, 100))).Value<DraftList>();
        Assert.Equal("Ask for the model first.", Assert.Single(own.Items).ReturnComment);
    }
}
