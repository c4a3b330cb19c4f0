using Switchboard.Core.Threading;

namespace Switchboard.Tests.Inbound.Parsing;

/// <summary>The thread sets the threading resolver is tested with must carry what it relies on.</summary>
public class ThreadFixtureTests
{
    [Fact]
    public void Gmail3_reply_references_the_whole_chain_oldest_first()
    {
        var first = InboundFixtures.Parse("Threads/Gmail3/01-customer.eml");
        var ours = InboundFixtures.Parse("Threads/Gmail3/02-support-reply.eml");
        var last = InboundFixtures.Parse("Threads/Gmail3/03-customer-reply.eml");

        Assert.Equal("sb.reply.G3-02@mail.acme.test", ours.MessageId);
        Assert.Equal(ours.MessageId, last.InReplyTo);
        Assert.Equal([first.MessageId, ours.MessageId], last.References);
        Assert.Equal("It works now, thank you!\n\nAna", last.VisibleText);
    }

    [Fact]
    public void Outlook_replies_without_references_share_the_thread_index_root()
    {
        var mails = new[] { "01-customer", "02-customer-followup", "03-customer-update" }
            .Select(name => InboundFixtures.Parse($"Threads/OutlookNoReferences/{name}.eml")).ToList();

        Assert.All(mails, m => Assert.Empty(m.References));
        Assert.All(mails, m => Assert.Null(m.InReplyTo));
        Assert.Single(mails.Select(m => m.ThreadIndexRoot).Distinct());
        Assert.NotNull(mails[0].ThreadIndexRoot);
        Assert.Equal("Update: replacing the ribbon a second time did not help either.\n\nKarin", mails[2].VisibleText);
    }

    [Fact]
    public void Cc_colleague_reply_comes_from_the_colleague_and_references_our_reply()
    {
        var mail = InboundFixtures.Parse("Threads/CcReply/03-cc-colleague-reply.eml");

        Assert.Equal("marco.rossi@example.com", mail.From!.Address);
        Assert.Equal("sb.reply.CC-02@mail.acme.test", mail.InReplyTo);
        Assert.Equal("ana.pereira@example.com", mail.Cc.Single().Address);
    }

    [Fact]
    public void Long20_thread_chains_every_message_to_all_earlier_ones()
    {
        var ids = new List<string>();
        for (var n = 1; n <= 20; n++)
        {
            var mail = InboundFixtures.Parse($"Threads/Long20/{n:00}.eml");
            Assert.Equal(ids, mail.References);
            Assert.Equal(ids.LastOrDefault(), mail.InReplyTo);
            Assert.DoesNotContain("> ", mail.VisibleText);
            ids.Add(mail.MessageId);
        }
        Assert.Contains(ids, id => id.StartsWith("sb.reply.", StringComparison.Ordinal));
    }

    [Fact]
    public void Subject_only_followup_has_no_threading_headers_but_the_same_sender_and_key()
    {
        var first = InboundFixtures.Parse("Threads/SubjectOnly/01-customer.eml");
        var followup = InboundFixtures.Parse("Threads/SubjectOnly/02-same-sender-no-headers.eml");

        Assert.Null(followup.InReplyTo);
        Assert.Empty(followup.References);
        Assert.Equal(first.From, followup.From);
        Assert.Equal(Subjects.ThreadingKey(first.Subject), Subjects.ThreadingKey(followup.Subject));
    }

    [Fact]
    public void Different_senders_with_the_same_subject_key_are_different_people()
    {
        var a = InboundFixtures.Parse("Threads/DifferentSenderSameSubject/01-customer-a.eml");
        var b = InboundFixtures.Parse("Threads/DifferentSenderSameSubject/02-customer-b.eml");

        Assert.Equal(Subjects.ThreadingKey(a.Subject), Subjects.ThreadingKey(b.Subject));
        Assert.NotEqual(a.From!.Address, b.From!.Address, StringComparer.OrdinalIgnoreCase);
    }
}
