using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Core;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Queues;

namespace Switchboard.Tests.Functions;

/// <summary>
/// A queue message that can never succeed goes to its poison queue on the first try, saying why, instead of burning
/// the five tries (the queue functions move it themselves, so the real host behaves the same).
/// </summary>
public sealed class PoisonMessageTests
{
    [Fact]
    public async Task Inbound_message_without_its_blob_name_goes_to_poison_at_once_with_the_reason_logged()
    {
        var logs = new CapturedLogs();
        await using var host = await TestHost.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(logs));
        const string incomplete = """{"id":"m-1","receivedAt":"2026-03-02T09:00:00Z","source":"mime","envelopeTo":[]}""";

        var queue = await host.Storage.SendAsync(QueueNames.InboundEmail, incomplete);

        var poison = host.Storage.Poison(QueueNames.InboundEmail);
        Assert.True(await Eventually.TrueAsync(async () => await poison.CountAsync() == 1), "the message never reached the poison queue");
        Assert.Equal(incomplete, (await poison.PeekMessagesAsync()).Value.Single().Body.ToString());
        Assert.True(await Eventually.TrueAsync(async () => await queue.CountAsync() == 0), "the message was left on its queue to be retried");
        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Error && line.Message.Contains("lacks its rawBlobName", StringComparison.Ordinal)
            && line.Message.Contains("without retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalation_check_that_is_not_json_goes_to_poison_at_once()
    {
        await using var host = await TestHost.StartAsync();

        var queue = await host.Storage.SendAsync(QueueNames.EscalationChecks, "not json");

        var poison = host.Storage.Poison(QueueNames.EscalationChecks);
        Assert.True(await Eventually.TrueAsync(async () => await poison.CountAsync() == 1), "the message never reached the poison queue");
        Assert.True(await Eventually.TrueAsync(async () => await queue.CountAsync() == 0), "the message was left on its queue to be retried");
    }
}
