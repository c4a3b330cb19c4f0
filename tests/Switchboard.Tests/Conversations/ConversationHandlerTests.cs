using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Conversations;
using Switchboard.Handlers.Conversations;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Conversations;

/// <summary>The conversation handlers called with a caller and typed input, without an HTTP request.</summary>
public sealed class ConversationHandlerTests
{
    [Fact]
    public async Task Closing_moves_the_conversation_into_the_closed_inbox()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await new ToolkitDriver(host).NewConversationAsync();
        var update = host.Services.GetRequiredService<UpdateConversation>();
        var list = host.Services.GetRequiredService<ListConversations>();

        var closed = await update.HandleAsync(id, new ConversationChange("closed", null, default, null));

        Assert.Equal(200, closed.Status());
        Assert.Equal("closed", closed.Value<ConversationState>().Status);
        var inbox = await list.HandleAsync(HandlerCalls.BootstrapAdmin, new InboxQuery(null, "all", ConversationStatus.Closed, 25, null));
        Assert.Equal(id, Assert.Single(inbox.Value<ConversationPage>().Items).Id);
    }

    [Fact]
    public async Task A_presence_beat_marks_the_conversation_read_for_the_caller()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await new ToolkitDriver(host).NewConversationAsync();
        var list = host.Services.GetRequiredService<ListConversations>();
        var open = new InboxQuery(null, "all", ConversationStatus.Open, 25, null);
        Assert.True(Assert.Single((await list.HandleAsync(HandlerCalls.BootstrapAdmin, open)).Value<ConversationPage>().Items).Unread);

        var beat = await host.Services.GetRequiredService<BeatPresence>().HandleAsync(HandlerCalls.BootstrapAdmin, id, new PresenceBeat("viewing"));

        Assert.Equal(200, beat.Status());
        Assert.Empty(beat.Value<PresenceList>().Others);
        Assert.False(Assert.Single((await list.HandleAsync(HandlerCalls.BootstrapAdmin, open)).Value<ConversationPage>().Items).Unread);
    }
}
