using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Replies;

public sealed class ReplyCcTests
{
    [Fact]
    public async Task Addresses_a_reply_copies_become_participants_of_the_conversation_once()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();

        await agent.ReplyAcceptedAsync(id, new { text = "Copying my manager.", cc = new[] { "boss@example.com", "dana@example.com" } });
        await agent.ReplyAcceptedAsync(id, new { text = "And again.", cc = new[] { "BOSS@example.com" } });

        var (conversation, _) = await agent.GetAsync(id);
        var participants = conversation.GetProperty("participants").EnumerateArray().ToList();
        var boss = Assert.Single(participants, p => p.Str("email").Equals("boss@example.com", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("cc", boss.Str("role"));
        // The customer stays the customer, not a cc.
        Assert.DoesNotContain(participants, p => p.Str("email") == "dana@example.com" && p.Str("role") == "cc");
    }
}
