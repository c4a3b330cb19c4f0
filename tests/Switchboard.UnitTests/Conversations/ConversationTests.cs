using Switchboard.Core.Conversations;
using Switchboard.Core.Inbound;

namespace Switchboard.UnitTests.Conversations;

public sealed class ConversationTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly EmailAddress Ada = new("ada@example.com", "Ada Lovelace");

    private static Conversation Started(params EmailAddress[] copied)
    {
        var conversation = Conversation.Start("c1", "support@acme.test", Ada, copied, "token", null, Monday);
        conversation.Receive(Mail(Ada, "Printer on fire", Monday));
        return conversation;
    }

    private static ArrivingMail Mail(EmailAddress? from, string subject, DateTimeOffset at, string text = "Help!", bool automatic = false, bool fromUs = false) =>
        new(from, fromUs, automatic, subject, at, at, text);

    private static AgentReply Reply(string text, DateTimeOffset at, ConversationStatus after = ConversationStatus.Pending, params string[] cc) =>
        new(text, cc, after, at);

    [Fact]
    public void A_new_conversation_has_the_customer_first_then_whoever_was_copied_once()
    {
        var conversation = Conversation.Start("c1", "support@acme.test", Ada,
            [new EmailAddress("bob@example.com", "Bob"), new EmailAddress("BOB@example.com", null), new EmailAddress("ADA@example.com", null)],
            "token", null, Monday);

        Assert.Equal(
            [new Participant("ada@example.com", "Ada Lovelace", ParticipantRole.Customer, false), new Participant("bob@example.com", "Bob", ParticipantRole.Cc, false)],
            conversation.Participants);
        Assert.Equal(ConversationStatus.Open, conversation.Status);
        Assert.Equal(0, conversation.Version);
    }

    [Fact]
    public void The_first_mail_gives_subject_without_prefixes_preview_count_version_and_activity()
    {
        var conversation = Conversation.Start("c1", "support@acme.test", Ada, [], "token", null, Monday);

        var flags = conversation.Receive(Mail(Ada, "RV: Printer  on fire", Monday, "The printer\n\nis   on fire."));

        Assert.Equal(MessageFlags.None, flags);
        Assert.Equal("Printer  on fire", conversation.Subject);
        Assert.Equal("The printer is on fire.", conversation.Preview);
        Assert.Equal((1, 1, Monday), (conversation.MessageCount, conversation.Version, conversation.LastActivityAt));
    }

    [Fact]
    public void The_subject_is_the_earliest_mails_even_when_it_arrives_later()
    {
        var conversation = Started();

        conversation.Receive(Mail(Ada, "Re: Earlier subject", Monday.AddHours(-1)));
        conversation.Receive(Mail(Ada, "Re: Later subject", Monday.AddHours(2)));

        Assert.Equal("Earlier subject", conversation.Subject);
    }

    [Fact]
    public void Activity_never_moves_back_when_older_mail_arrives_late()
    {
        var conversation = Started();
        conversation.Receive(Mail(Ada, "Re: x", Monday.AddHours(3)));

        conversation.Receive(new ArrivingMail(Ada, false, false, "Re: x", Monday.AddHours(1), Monday.AddHours(1), "late"));

        Assert.Equal(Monday.AddHours(3), conversation.LastActivityAt);
    }

    [Theory]
    [InlineData(ConversationStatus.Pending)]
    [InlineData(ConversationStatus.Closed)]
    [InlineData(ConversationStatus.Snoozed)]
    public void A_customer_reply_reopens_and_clears_closing_and_snooze(ConversationStatus before)
    {
        var conversation = Started();
        conversation.ChangeStatus(before, Monday.AddDays(1), Monday);

        conversation.Receive(Mail(Ada, "Re: Printer on fire", Monday.AddHours(1)));

        Assert.Equal((ConversationStatus.Open, null, null), (conversation.Status, conversation.ClosedAt, conversation.SnoozedUntil));
    }

    [Fact]
    public void An_auto_reply_or_our_own_mail_does_not_reopen()
    {
        var conversation = Started();
        conversation.Close(Monday);

        conversation.Receive(Mail(Ada, "Out of office", Monday.AddHours(1), automatic: true));
        conversation.Receive(Mail(new EmailAddress("support@acme.test", null), "Re: Printer", Monday.AddHours(2), fromUs: true));

        Assert.Equal(ConversationStatus.Closed, conversation.Status);
        Assert.Equal(3, conversation.MessageCount);
    }

    [Fact]
    public void Someone_else_writing_in_joins_flagged_once()
    {
        var conversation = Started(new EmailAddress("bob@example.com", null));

        var first = conversation.Receive(Mail(new EmailAddress("Bob@example.com", "Bob Boss"), "Re: Printer", Monday.AddHours(1)));
        var second = conversation.Receive(Mail(new EmailAddress("bob@example.com", null), "Re: Printer", Monday.AddHours(2)));
        var customer = conversation.Receive(Mail(Ada, "Re: Printer", Monday.AddHours(3)));

        Assert.Equal((MessageFlags.NewParticipant, MessageFlags.None, MessageFlags.None), (first, second, customer));
        Assert.Equal(new Participant("Bob@example.com", "Bob Boss", ParticipantRole.Participant, true), conversation.Participants[1]);
        Assert.Equal(2, conversation.Participants.Count);
    }

    [Fact]
    public void A_reply_counts_as_the_first_response_adds_cc_and_takes_the_chosen_status()
    {
        var conversation = Started();

        conversation.Reply(Reply("On  our\nway.", Monday.AddMinutes(5), ConversationStatus.Pending, "boss@example.com", "ADA@example.com"));
        conversation.Reply(Reply("Fixed.", Monday.AddMinutes(9), ConversationStatus.Pending, "Boss@example.com"));

        Assert.Equal(Monday.AddMinutes(5), conversation.FirstResponseAt);
        Assert.Equal(ConversationStatus.Pending, conversation.Status);
        Assert.Equal("Fixed.", conversation.Preview);
        Assert.Equal((3, 3), (conversation.MessageCount, conversation.Version));
        Assert.Equal(["ada@example.com", "boss@example.com"], conversation.Participants.Select(p => p.Email));
        Assert.Equal(ParticipantRole.Cc, conversation.Participants[1].Role);
    }

    [Fact]
    public void A_reply_that_closes_records_when_even_if_it_was_closed_before()
    {
        var conversation = Started();
        conversation.Close(Monday);

        conversation.Reply(Reply("Closing again.", Monday.AddHours(1), ConversationStatus.Closed));

        Assert.Equal((ConversationStatus.Closed, Monday.AddHours(1)), (conversation.Status, conversation.ClosedAt));
    }

    [Fact]
    public void A_reply_to_a_snoozed_conversation_ends_the_snooze()
    {
        var conversation = Started();
        conversation.Snooze(Monday.AddDays(2), Monday);

        conversation.Reply(Reply("Still on it.", Monday.AddHours(1), ConversationStatus.Open));

        Assert.Equal((ConversationStatus.Open, null), (conversation.Status, conversation.SnoozedUntil));
    }

    [Fact]
    public void A_reply_cannot_snooze()
    {
        Assert.Throws<ArgumentException>(() => Started().Reply(Reply("x", Monday, ConversationStatus.Snoozed)));
    }

    [Fact]
    public void A_note_is_activity_and_an_item_but_neither_a_message_nor_an_answer()
    {
        var conversation = Started();

        conversation.AddNote(Monday.AddHours(1));

        Assert.Equal((1, 2, Monday.AddHours(1), null), (conversation.MessageCount, conversation.Version, conversation.LastActivityAt, conversation.FirstResponseAt));
        Assert.Equal("Help!", conversation.Preview);
    }

    [Fact]
    public void A_call_is_an_answer_but_not_a_message()
    {
        var conversation = Started();

        conversation.LogCall(Monday.AddHours(1));
        conversation.LogCall(Monday.AddHours(2));

        Assert.Equal((1, 3, Monday.AddHours(1)), (conversation.MessageCount, conversation.Version, conversation.FirstResponseAt));
        Assert.Equal(ConversationStatus.Open, conversation.Status);
    }

    [Fact]
    public void Closing_twice_keeps_the_first_closing_time_and_reopening_clears_it()
    {
        var conversation = Started();

        conversation.Close(Monday);
        conversation.Close(Monday.AddHours(1));
        Assert.Equal(Monday, conversation.ClosedAt);

        conversation.Reopen();
        Assert.Equal((ConversationStatus.Open, null), (conversation.Status, conversation.ClosedAt));
    }

    [Fact]
    public void Snoozing_keeps_whole_seconds_and_clears_the_closing_time()
    {
        var conversation = Started();
        conversation.Close(Monday);

        conversation.Snooze(Monday.AddDays(1).AddMilliseconds(750), Monday);

        Assert.Equal((ConversationStatus.Snoozed, Monday.AddDays(1), null), (conversation.Status, conversation.SnoozedUntil, conversation.ClosedAt));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(367 * 24 * 3600)]
    public void A_snooze_must_end_in_the_future_within_a_year(int secondsAhead)
    {
        var until = Monday.AddSeconds(secondsAhead);

        Assert.Null(Conversation.SnoozeTime(until, Monday));
        Assert.Throws<ArgumentOutOfRangeException>(() => Started().Snooze(until, Monday));
    }

    [Fact]
    public void Pending_clears_a_snooze()
    {
        var conversation = Started();
        conversation.Snooze(Monday.AddDays(1), Monday);

        conversation.ChangeStatus(ConversationStatus.Pending, null, Monday);

        Assert.Equal((ConversationStatus.Pending, null), (conversation.Status, conversation.SnoozedUntil));
    }

    [Fact]
    public void Waking_opens_only_the_snooze_that_is_due()
    {
        var conversation = Started();
        conversation.Snooze(Monday.AddDays(1), Monday);

        Assert.False(conversation.Wake(Monday.AddDays(2)));
        Assert.Equal(ConversationStatus.Snoozed, conversation.Status);
        Assert.True(conversation.Wake(Monday.AddDays(1)));
        Assert.Equal((ConversationStatus.Open, null), (conversation.Status, conversation.SnoozedUntil));
        Assert.False(conversation.Wake(Monday.AddDays(1)));
    }

    [Fact]
    public void Assignment_and_tags_change_the_head_but_not_the_version()
    {
        var conversation = Started();

        conversation.Assign("agent-1");
        conversation.Retag(["billing", "vip"]);
        conversation.ChangeStatus(ConversationStatus.Pending, null, Monday);

        Assert.Equal(("agent-1", 1), (conversation.AssigneeId, conversation.Version));
        Assert.Equal(["billing", "vip"], conversation.Tags);
        conversation.Assign(null);
        Assert.Null(conversation.AssigneeId);
    }

    [Fact]
    public void A_reply_seen_against_an_older_version_is_stale_unless_the_author_accepts_any()
    {
        var conversation = Started();
        conversation.AddNote(Monday);

        Assert.True(conversation.IsNewerThan(1));
        Assert.False(conversation.IsNewerThan(2));
        Assert.False(conversation.IsNewerThan(null));
    }

    [Fact]
    public void A_snapshot_restores_the_same_conversation()
    {
        var conversation = Started(new EmailAddress("bob@example.com", "Bob"));
        conversation.Reply(Reply("Hello", Monday.AddHours(1), ConversationStatus.Closed, "carol@example.com"));
        conversation.Assign("agent-1");
        conversation.Retag(["vip"]);

        var restored = new Conversation(conversation.ToSnapshot());

        Assert.Equivalent(conversation.ToSnapshot(), restored.ToSnapshot(), strict: true);
    }

    [Fact]
    public void Absorbing_a_younger_conversation_takes_its_people_tags_earlier_subject_newer_preview_and_waiting_customer()
    {
        var older = Started();
        older.Retag(["billing"]);
        older.Close(Monday.AddHours(1));
        var marco = new EmailAddress("marco@example.com", "Marco");
        var younger = Conversation.Start("c2", "support@acme.test", marco, [new EmailAddress("bob@example.com", "Bob")], "token2", null, Monday);
        younger.Receive(Mail(marco, "Re: Invoice", Monday.AddHours(-2), "Also the second invoice."));
        younger.Receive(Mail(marco, "Re: Invoice", Monday.AddHours(3), "Any news?"));
        younger.Assign("agent-2");
        younger.Retag(["vip", "billing"]);

        older.Absorb(younger.ToSnapshot(), messageCount: 3);

        Assert.Equal((3, "Invoice", "Any news?", Monday.AddHours(3)), (older.MessageCount, older.Subject, older.Preview, older.LastActivityAt));
        Assert.Equal(["billing", "vip"], older.Tags);
        Assert.Equal("agent-2", older.AssigneeId);
        Assert.Equal((ConversationStatus.Open, (DateTimeOffset?)null), (older.Status, older.ClosedAt));
        Assert.Equal(
            [("ada@example.com", ParticipantRole.Customer), ("marco@example.com", ParticipantRole.Participant), ("bob@example.com", ParticipantRole.Cc)],
            older.Participants.Select(p => (p.Email, p.Role)));
        Assert.True(older.Version > younger.Version);
    }

    [Fact]
    public void Absorbing_the_same_conversation_again_changes_nothing_but_the_version()
    {
        var older = Started();
        older.Assign("agent-1");
        var younger = Conversation.Start("c2", "support@acme.test", new EmailAddress("marco@example.com", null), [], "token2", null, Monday);
        younger.Receive(Mail(new EmailAddress("marco@example.com", null), "Re: Printer on fire", Monday.AddHours(1)));
        younger.Assign("agent-2");
        older.Absorb(younger.ToSnapshot(), messageCount: 2);
        var once = older.ToSnapshot();

        older.Absorb(younger.ToSnapshot(), messageCount: 2);

        Assert.Equivalent(once with { Version = older.Version }, older.ToSnapshot(), strict: true);
        Assert.Equal("agent-1", older.AssigneeId);
    }

    [Fact]
    public void A_merged_conversation_absorbs_nothing()
    {
        var alias = Started();
        alias.MergeInto("c9", Monday);

        var other = Conversation.Start("c2", "support@acme.test", Ada, [], "token2", null, Monday);

        Assert.Throws<InvalidOperationException>(() => alias.Absorb(other.ToSnapshot(), 1));
    }
}
