using Switchboard.Core.Inbound;

namespace Switchboard.Tests.Inbound.Parsing;

public class ClientReplyTests
{
    [Fact]
    public void Gmail_reply_visible_text_drops_the_quoted_history()
    {
        var mail = InboundFixtures.Parse("Clients/gmail-reply.eml");

        Assert.Equal("Hi,\n\nThanks, the VAT number is DE811234567. Could you re-issue the invoice\nwith it?\n\nBest,\nAna", mail.VisibleText);
        Assert.Contains("Your invoice INV-2041 is attached", mail.Text);
        Assert.Equal("sb.reply.01HQ7A@mail.acme.test", mail.InReplyTo);
        Assert.Equal(new EmailAddress("ana.pereira@example.com", "Ana Pereira"), mail.From);
        Assert.Equal(MailFlags.None, mail.Flags);
    }

    [Fact]
    public void Gmail_reply_keeps_its_html_but_sanitized()
    {
        var mail = InboundFixtures.Parse("Clients/gmail-reply.eml");

        Assert.NotNull(mail.Html);
        Assert.Contains("DE811234567", mail.Html);
    }

    [Fact]
    public void Signature_after_the_dash_dash_delimiter_is_not_visible()
    {
        var mail = InboundFixtures.Parse("Clients/gmail-reply-signature.eml");

        Assert.Equal("The export works again after clearing the cache. You can close this.", mail.VisibleText);
    }

    [Fact]
    public void Outlook_desktop_reply_drops_the_header_block_and_what_follows()
    {
        var mail = InboundFixtures.Parse("Clients/outlook-desktop-reply.eml");

        Assert.StartsWith("Hello,\n\nThe printer still shows error E-301", mail.VisibleText);
        Assert.EndsWith("Facilities | Example Logistics", mail.VisibleText);
        Assert.DoesNotContain("Please update the firmware", mail.VisibleText);
        Assert.Empty(mail.References);
        Assert.Null(mail.InReplyTo);
        Assert.NotNull(mail.ThreadIndexRoot);
    }

    [Fact]
    public void Outlook_original_message_separator_starts_the_quote()
    {
        var mail = InboundFixtures.Parse("Clients/outlook-original-message.eml");

        Assert.Equal("Thanks - please go ahead with the 25-seat option.\n\nPriya", mail.VisibleText);
    }

    [Fact]
    public void Outlook_web_html_only_reply_uses_the_divRplyFwdMsg_marker()
    {
        var mail = InboundFixtures.Parse("Clients/outlook-web-reply.eml");

        Assert.Equal("Hi team,\n\nYes, the new address is 12 Harbour Road, Leith. Please update both accounts.\n\nThanks,\nMalik", mail.VisibleText);
        Assert.Contains("could you confirm the new billing address", mail.Text);
    }

    [Fact]
    public void Outlook_mobile_reply_drops_get_outlook_for_ios_and_the_quote()
    {
        var mail = InboundFixtures.Parse("Clients/outlook-mobile-reply.eml");

        Assert.Equal("The tracking link says \"label created\" for three days now. Is it really on its way?", mail.VisibleText);
        Assert.Equal(new EmailAddress("support@acme.test", null), mail.To.Single());
    }

    [Fact]
    public void Apple_mail_reply_drops_the_cited_message()
    {
        var mail = InboundFixtures.Parse("Clients/apple-mail-reply.eml");

        Assert.Equal("Perfect, that fixed it. Thank you!\n\nLena", mail.VisibleText);
    }

    [Fact]
    public void Thunderbird_flowed_reply_is_unwrapped_and_unquoted()
    {
        var mail = InboundFixtures.Parse("Clients/thunderbird-reply.eml");

        Assert.Equal("Hello,\n\nI attached the log you asked for in my other mail. The crash happens right after login.\n\nPiotr", mail.VisibleText);
    }

    [Fact]
    public void Iphone_reply_drops_sent_from_my_iphone()
    {
        var mail = InboundFixtures.Parse("Clients/iphone-reply.eml");

        Assert.Equal("Got it, thanks. The refund shows on my card now.", mail.VisibleText);
    }

    [Fact]
    public void Android_gmail_reply_drops_the_quote()
    {
        var mail = InboundFixtures.Parse("Clients/android-gmail-reply.eml");

        Assert.Equal("Still expired, can you send another one?", mail.VisibleText);
    }

    [Fact]
    public void Interleaved_reply_keeps_the_answers_with_the_questions_they_answer()
    {
        var mail = InboundFixtures.Parse("Clients/interleaved-reply.eml");

        Assert.Contains("3.8.2 on all twelve machines.", mail.VisibleText);
        Assert.Contains("> Do you use single sign-on?\n\nYes, through Entra ID.", mail.VisibleText);
        Assert.EndsWith("Yes, through Entra ID.", mail.VisibleText);
    }

    [Fact]
    public void Plain_quoted_reply_drops_the_trailing_quote()
    {
        var mail = InboundFixtures.Parse("Clients/plain-quoted-reply.eml");

        Assert.Equal("Saturday 02:00 UTC works for us.", mail.VisibleText);
        Assert.Null(mail.From!.Name);
    }

    [Fact]
    public void Html_only_reply_gets_text_from_html_without_the_blockquote()
    {
        var mail = InboundFixtures.Parse("Clients/html-only-reply.eml");

        Assert.Equal("Could you also add my colleague Maria to the account?\n\nOskar", mail.VisibleText);
        Assert.Contains("Your account has been upgraded", mail.Text);
    }

    [Theory]
    [InlineData("Clients/forwarded-gmail.eml", "FYI - our bank says", "Card ending 4242 was declined.")]
    [InlineData("Clients/forwarded-apple.eml", "Why does this say my trial ends?", "Upgrade now to keep your data.")]
    [InlineData("Clients/forwarded-outlook.eml", "Please see below, the quantities", "Delivered: 40 x toner cartridge")]
    public void Forwarded_message_is_collapsed_below_what_the_forwarder_wrote(string fixture, string start, string forwardedText)
    {
        var mail = InboundFixtures.Parse(fixture);

        Assert.StartsWith(start, mail.VisibleText);
        Assert.DoesNotContain(forwardedText, mail.VisibleText);
        Assert.Contains(forwardedText, mail.Text);
    }
}
