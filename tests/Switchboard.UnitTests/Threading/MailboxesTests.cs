using Switchboard.Core.Inbound;
using Switchboard.Core.Threading;

namespace Switchboard.UnitTests.Threading;

public sealed class MailboxesTests
{
    private readonly Mailboxes mailboxes = new(["support@acme.test", "Billing@Acme.test"]);

    [Fact]
    public void Envelope_recipient_decides_the_mailbox_before_the_headers()
    {
        var (mailbox, tokens) = mailboxes.Route(["billing@acme.test"], [new EmailAddress("support@acme.test", null)], []);

        Assert.Equal("billing@acme.test", mailbox);
        Assert.Empty(tokens);
    }

    [Fact]
    public void Plus_addressed_reply_address_gives_its_mailbox_and_token()
    {
        var (mailbox, tokens) = mailboxes.Route([], [new EmailAddress("Support+k7d2m9xq4rz8w3ab@acme.test", "Acme")], []);

        Assert.Equal("support@acme.test", mailbox);
        Assert.Equal(["k7d2m9xq4rz8w3ab"], tokens);
        Assert.Equal("support+k7d2m9xq4rz8w3ab@acme.test", Mailboxes.ReplyAddress("support@acme.test", "k7d2m9xq4rz8w3ab"));
    }

    [Fact]
    public void Mail_to_an_unknown_address_lands_in_the_first_mailbox()
    {
        var (mailbox, _) = mailboxes.Route(["sales@acme.test"], [new EmailAddress("sales@acme.test", null)], []);

        Assert.Equal("support@acme.test", mailbox);
        Assert.False(mailboxes.IsOurs("sales@acme.test"));
        Assert.True(mailboxes.IsOurs("BILLING@acme.test"));
    }

    [Theory]
    [InlineData("Re: Invoice", true)]
    [InlineData("AW: WG: Rechnung", true)]
    [InlineData("[acme-users] Re: Outage", true)]
    [InlineData("回复: 发票", true)]
    [InlineData("Invoice", false)]
    [InlineData("Regarding: invoice", false)]
    public void Reply_and_forward_prefixes_are_recognised(string subject, bool isReply)
    {
        Assert.Equal(isReply, Subjects.IsReplyOrForward(subject));
    }

    [Theory]
    [InlineData("Re: AW: Fwd: Invoice for March", "Invoice for March")]
    [InlineData("RE:", "(no subject)")]
    [InlineData("Invoice", "Invoice")]
    public void Conversation_subject_drops_prefixes_but_keeps_case(string subject, string shown)
    {
        Assert.Equal(shown, Subjects.WithoutPrefixes(subject));
    }

    [Fact]
    public void Our_message_ids_are_recognised_and_nobody_elses()
    {
        var ids = new OwnMessageIds("mail.acme.test");

        Assert.True(ids.IsOurs("<" + ids.Create("reply") + ">"));
        Assert.False(ids.IsOurs("sb.reply.1@mail.evil.test"));
        Assert.False(ids.IsOurs("CAJ7xq2G3-01@mail.gmail.com"));
    }
}
