using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Inbound;

public sealed class IdempotencyTests
{
    private static readonly string[] EveryFixture = Directory
        .GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "Inbound"), "*.eml", SearchOption.AllDirectories)
        .Where(f => new FileInfo(f).Length > 0) // the empty file is refused with 400: Empty_body_is_400_and_wrong_content_type_is_415
        .Select(f => Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "TestData", "Inbound"), f))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public async Task Every_fixture_delivered_twice_is_stored_once_and_none_is_lost()
    {
        Assert.True(EveryFixture.Length >= 40, $"only {EveryFixture.Length} fixtures");
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        await mail.DeliverAsync(EveryFixture);
        await mail.ProcessQueuedAsync();
        var once = await StoredAsync(mail);
        await mail.DeliverAsync(EveryFixture);
        await mail.ProcessQueuedAsync();
        var twice = await StoredAsync(mail);

        Assert.Equal(once, twice);
        // Every fixture is in a conversation but two bounces of replies of ours (sb.reply.…@mail.acme.test) that belong
        // to no conversation here: those are recorded as events, never as conversations.
        string[] bouncesOfOurUnknownMail = ["Auto/bounce-exchange-headers-only.eml", "Auto/bounce-qmail-plain.eml"];
        Assert.All(bouncesOfOurUnknownMail, f => Assert.Contains(f, EveryFixture));
        Assert.Equal(EveryFixture.Length - bouncesOfOurUnknownMail.Length, once.Count);
    }

    [Fact]
    public async Task The_same_raw_message_without_message_id_is_stored_once()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        await mail.DeliverAsync("Broken/missing-message-id.eml", "Broken/missing-message-id.eml");
        await mail.ProcessQueuedAsync();

        var message = Assert.Single((await mail.SingleConversationAsync()).Messages());
        Assert.EndsWith("@switchboard.invalid", message.Str("messageId"));
    }

    [Fact]
    public async Task A_message_to_two_mailboxes_is_one_message()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var raw = InboundDriver.FixtureBytes("Threads/Gmail3/01-customer.eml");

        await mail.PostMimeAsync(raw, envelopeTo: "support@acme.test");
        await mail.PostMimeAsync(raw, envelopeTo: "billing@acme.test");
        await mail.ProcessQueuedAsync();

        Assert.Single((await mail.SingleConversationAsync()).Messages());
    }

    /// <summary>The Message-IDs stored, across every conversation of every status.</summary>
    private static async Task<List<string>> StoredAsync(InboundDriver mail)
    {
        var ids = new List<string>();
        foreach (var status in new[] { "open", "pending", "snoozed", "closed" })
        {
            foreach (var conversation in await mail.AllConversationsAsync(status))
            {
                ids.AddRange(conversation.Messages().Select(m => m.Str("messageId")));
            }
        }
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }
}
