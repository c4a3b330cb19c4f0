using Switchboard.Core.Inbound;

namespace Switchboard.Tests.Inbound.Parsing;

public class AutoReplyAndBounceTests
{
    [Theory]
    [InlineData("Auto/out-of-office-exchange.eml")]
    [InlineData("Auto/vacation-x-autoreply.eml")]
    public void Machine_sent_mail_is_flagged_auto_reply(string fixture)
    {
        Assert.Equal(MailFlags.AutoReply, InboundFixtures.Parse(fixture).Flags);
    }

    [Fact]
    public void Bulk_mail_with_list_headers_is_list_mail_not_automatic()
    {
        Assert.Equal(MailFlags.List, InboundFixtures.Parse("Auto/newsletter-precedence-bulk.eml").Flags);
    }

    [Fact]
    public void Auto_response_suppress_alone_is_a_person_writing()
    {
        Assert.Equal(MailFlags.None, InboundFixtures.Parse("Auto/auto-response-suppress-only.eml").Flags);
    }

    [Fact]
    public void Out_of_office_keeps_the_outlook_conversation_root()
    {
        var reply = InboundFixtures.Parse("Clients/outlook-desktop-reply.eml");
        var outOfOffice = InboundFixtures.Parse("Auto/out-of-office-exchange.eml");

        Assert.Equal(reply.ThreadIndexRoot, outOfOffice.ThreadIndexRoot);
    }

    [Fact]
    public void Dsn_bounce_names_the_original_message_id()
    {
        var mail = InboundFixtures.Parse("Auto/bounce-dsn.eml");

        Assert.Equal(MailFlags.Bounce | MailFlags.AutoReply, mail.Flags);
        Assert.Equal("sb.reply.01HXYZ@mail.switchboard.test", mail.BouncedMessageId);
        Assert.StartsWith("This is the mail system at host smtp.acme.test.", mail.VisibleText);
        Assert.Equal("Re_ Question about my order.eml", Assert.Single(mail.Attachments).FileName);
    }

    [Fact]
    public void Exchange_bounce_with_rfc822_headers_names_the_original_message_id()
    {
        var mail = InboundFixtures.Parse("Auto/bounce-exchange-headers-only.eml");

        Assert.Equal(MailFlags.Bounce | MailFlags.AutoReply, mail.Flags);
        Assert.Equal("sb.reply.01HR12@mail.acme.test", mail.BouncedMessageId);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public void Mailer_daemon_failure_notice_is_a_bounce_and_its_quoted_message_id_is_found()
    {
        var mail = InboundFixtures.Parse("Auto/bounce-qmail-plain.eml");

        Assert.Equal(MailFlags.Bounce | MailFlags.AutoReply, mail.Flags);
        Assert.Equal("sb.reply.01HR13@mail.acme.test", mail.BouncedMessageId);
    }
}
