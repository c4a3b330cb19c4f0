using Switchboard.Core.Inbound.Replies;

namespace Switchboard.UnitTests.Inbound.Replies;

/// <summary>The stripper on its own, for the cases where it must hold back: the customer's words are never hidden.</summary>
public class QuotedTextStripperTests
{
    [Fact]
    public void Text_without_any_history_is_kept_whole()
    {
        var text = "Hi,\n\nthe sync stopped at 10:05 today.\n\nAna";

        Assert.Equal(text, QuotedTextStripper.VisibleText(text));
    }

    [Fact]
    public void A_line_naming_a_date_and_an_address_is_kept_when_no_quote_follows()
    {
        var text = "Please call me on 2026-11-16 at 10:05, or write to ana@example.com:\n- about the invoice\n- about the seats";

        Assert.Equal(text, QuotedTextStripper.VisibleText(text));
    }

    [Fact]
    public void A_from_line_without_the_rest_of_a_header_block_is_kept()
    {
        var text = "From: the warehouse team\nWe received three boxes, one was damaged.";

        Assert.Equal(text, QuotedTextStripper.VisibleText(text));
    }

    [Fact]
    public void A_sentence_is_not_joined_with_the_attribution_below_it()
    {
        var text = "It is version 4.2.1.\nOn Monday, November 16, 2026, 10:05 AM, Acme Support <support@acme.test> wrote:\n> Which version?";

        Assert.Equal("It is version 4.2.1.", QuotedTextStripper.VisibleText(text));
    }

    [Fact]
    public void Text_above_and_below_a_quote_is_all_kept()
    {
        var text = "Hi,\n\nsee my note below.\n\nAna wrote:\n> Can you resend it?\n\nDone, sent again.";

        Assert.Equal(text, QuotedTextStripper.VisibleText(text));
    }

    [Fact]
    public void A_reply_that_only_quotes_is_empty()
    {
        Assert.Equal("", QuotedTextStripper.VisibleText("On Mon, 16 Nov 2026, Acme Support wrote:\n> Hello\n>\n> Bye"));
        Assert.Equal("", QuotedTextStripper.VisibleText("> Hello\n"));
    }

    [Fact]
    public void Separator_lines_inside_the_text_stay_and_at_the_end_go()
    {
        var text = "Steps:\n------\n1. open\n2. close\n\n-----------------------------";

        Assert.Equal("Steps:\n------\n1. open\n2. close", QuotedTextStripper.VisibleText(text));
    }

    [Fact]
    public void A_mobile_sign_off_high_up_in_a_long_text_is_kept()
    {
        var text = "Sent from my iPhone is what my old mails said.\nNow:\none\ntwo\nthree\nfour";

        Assert.Equal(text, QuotedTextStripper.VisibleText(text));
    }
}
