using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Hosting;
using Switchboard.Handlers.Replies;
using Switchboard.Storage.Conversations;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Replies;

/// <summary>SendReply called with a caller and typed input, without an HTTP request.</summary>
public sealed class ReplyHandlerTests
{
    [Fact]
    public async Task A_reply_against_the_current_version_is_accepted_stored_and_tagged_with_the_new_version()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await new ReplyDriver(host).StartConversationAsync();
        var conversations = host.Services.GetRequiredService<ConversationStore>();
        var version = (await conversations.GetHeadAsync(id))!.Version;

        var result = await host.Services.GetRequiredService<SendReply>().HandleAsync(
            HandlerCalls.BootstrapAdmin, id, new ReplyInput(version, null, new ReplyRequest("We are on it.", null, null, null, null)));

        Assert.Equal(202, result.Status());
        var reply = result.Value<MessageView>();
        Assert.Equal("sending", reply.DeliveryState);
        var head = (await conversations.GetHeadAsync(id))!;
        Assert.Equal(VersionTags.ETag(head.Version), Assert.IsType<ETaggedResult>(result).ETag);
        Assert.Equal("pending", head.Status);
        Assert.NotNull(await conversations.GetMessageAsync(id, reply.Id));
    }

    [Fact]
    public async Task A_reply_against_an_older_version_is_409_and_sends_nothing()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await new ReplyDriver(host).StartConversationAsync();
        var conversations = host.Services.GetRequiredService<ConversationStore>();
        var head = (await conversations.GetHeadAsync(id))!;

        var result = await host.Services.GetRequiredService<SendReply>().HandleAsync(
            HandlerCalls.BootstrapAdmin, id, new ReplyInput(head.Version - 1, null, new ReplyRequest("Stale words.", null, null, null, null)));

        Assert.Equal(409, result.Status());
        Assert.Equal(VersionTags.ETag(head.Version), Assert.IsType<ETaggedResult>(result).ETag);
        Assert.Equal(head.MessageCount, (await conversations.GetHeadAsync(id))!.MessageCount);
    }
}
