using Switchboard.Core.Conversations;
using Switchboard.Core.Inbound;
using Switchboard.Storage.Conversations;

namespace Switchboard.UnitTests.Storage;

public sealed class ConversationMappingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_head_row_keeps_status_participants_and_tags_in_the_stored_forms_rows_always_had()
    {
        var conversation = Conversation.Start("c1", "support@acme.test", new EmailAddress("ada@example.com", "Ada"),
            [new EmailAddress("bob@example.com", null)], "token", null, Monday);
        conversation.Receive(new ArrivingMail(new EmailAddress("ada@example.com", "Ada"), false, false, "Re: Help", Monday, Monday, "Help"));
        conversation.Snooze(Monday.AddDays(1), Monday);
        conversation.Retag(["vip", "billing"]);

        var row = conversation.ToEntity();

        Assert.Equal("snoozed", row.Status);
        Assert.Equal("vip,billing", row.Tags);
        Assert.Equal("""[{"email":"ada@example.com","name":"Ada","role":"customer","flagged":false},{"email":"bob@example.com","name":null,"role":"cc","flagged":false}]""",
            row.Participants);
        Assert.Equal(InboxIndex.RowKeyFor(Monday, "c1"), row.IndexRowKey);
        Assert.Equal((1, "Help", Monday.AddDays(1)), (row.Version, row.Subject, row.SnoozedUntil));
    }

    [Fact]
    public void A_row_read_back_is_the_same_conversation()
    {
        var conversation = Conversation.Start("c1", "support@acme.test", new EmailAddress("ada@example.com", "Ada"), [], "token", "c0", Monday);
        conversation.Receive(new ArrivingMail(new EmailAddress("eve@example.com", "Eve"), false, false, "Hello", Monday, Monday, "Hi"));
        conversation.Reply(new AgentReply("Hello Eve", ["carol@example.com"], ConversationStatus.Closed, Monday.AddHours(1)));
        conversation.Assign("agent-7");

        var read = conversation.ToEntity().ToConversation();

        Assert.Equivalent(conversation.ToSnapshot(), read.ToSnapshot(), strict: true);
    }

    [Fact]
    public void A_row_with_an_unknown_role_or_status_reads_as_the_safest_one()
    {
        var row = new ConversationEntity
        {
            PartitionKey = "c1",
            Status = "archived",
            Participants = """[{"email":"x@example.com","name":null,"role":"owner","flagged":false}]""",
        };

        var conversation = row.ToConversation();

        Assert.Equal(ConversationStatus.Open, conversation.Status);
        Assert.Equal(ParticipantRole.Cc, Assert.Single(conversation.Participants).Role);
    }
}
