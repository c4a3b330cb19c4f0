using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.SavedReplies;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;

namespace Switchboard.Tests.SavedReplies;

/// <summary>The saved-reply handlers called with a caller and typed input, without an HTTP request.</summary>
public sealed class SavedReplyHandlerTests
{
    [Fact]
    public async Task A_saved_reply_is_listed_for_its_agent_and_renders_for_a_conversation()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await new ReplyDriver(host).StartConversationAsync("Printer jams");
        var agent = HandlerCalls.BootstrapAdmin;

        var created = await host.Services.GetRequiredService<CreateSavedReply>().HandleAsync(
            agent, new SavedReplyBody("Jam", "Hi {{customer.firstName}}, about {{conversation.subject}}:"));
        var saved = created.Value<SavedReplyView>();
        var list = (await host.Services.GetRequiredService<ListSavedReplies>().HandleAsync(agent)).Value<SavedReplyList>();
        var rendered = await host.Services.GetRequiredService<RenderSavedReply>().HandleAsync(agent, id, saved.Id);

        Assert.Equal(201, created.Status());
        Assert.Equal("Jam", Assert.Single(list.Items).Name);
        Assert.Equal("Hi Dana, about Printer jams:", rendered.Value<RenderedReply>().Text);
    }

    [Fact]
    public async Task Another_agents_saved_reply_cannot_be_deleted()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var created = (await host.Services.GetRequiredService<CreateSavedReply>().HandleAsync(
            HandlerCalls.BootstrapAdmin, new SavedReplyBody("Thanks", "Thank you!"))).Value<SavedReplyView>();
        var someoneElse = HandlerCalls.BootstrapAdmin with { Id = "a-someone-else" };

        var refused = await host.Services.GetRequiredService<DeleteSavedReply>().HandleAsync(someoneElse, created.Id);

        Assert.Equal(404, refused.Status());
        Assert.Single((await host.Services.GetRequiredService<ListSavedReplies>().HandleAsync(HandlerCalls.BootstrapAdmin)).Value<SavedReplyList>().Items);
    }
}
