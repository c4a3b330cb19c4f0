using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Handlers.Admin;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Functions;

/// <summary>ReplayPoisonMessages called directly (AgentApi has admitted an admin), without an HTTP request.</summary>
public sealed class AdminHandlerTests
{
    [Fact]
    public async Task Replay_moves_poison_messages_back_onto_their_queue()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var poison = host.Storage.Queue(QueueNames.PoisonOf(QueueNames.NoteMentions));
        await poison.SendMessageAsync("""{"id":"stuck"}""");
        var replay = host.Services.GetRequiredService<ReplayPoisonMessages>();

        var result = await replay.HandleAsync(QueueNames.NoteMentions);
        var unknown = await replay.HandleAsync("no-such-queue");

        Assert.Equal(1, result.Value<ReplayResult>().Replayed);
        Assert.Equal(404, unknown.Status());
        Assert.Equal("""{"id":"stuck"}""", (await host.Storage.Queue(QueueNames.NoteMentions).ReceiveMessageAsync()).Value.Body.ToString());
        Assert.Empty((await poison.ReceiveMessagesAsync()).Value);
    }
}
