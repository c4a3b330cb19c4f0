using Switchboard.Core.Inbound;
using Switchboard.Tests.Inbound.Parsing;

namespace Switchboard.Tests.Inbound.Replies;

/// <summary>Every reply fixture gives exactly its expected visible text, from its text part and from its HTML part.</summary>
public class ReplyFixtureTests
{
    [Theory]
    [MemberData(nameof(ReplyFixtures.All), MemberType = typeof(ReplyFixtures))]
    public void Visible_text_is_what_the_author_wrote_now(string fixture)
    {
        var mail = InboundFixtures.Parse(fixture);

        Assert.Equal(ReplyFixtures.Expected(fixture), mail.VisibleText);
        Assert.Empty(mail.Problems);
    }

    [Theory]
    [MemberData(nameof(ReplyFixtures.WithBothParts), MemberType = typeof(ReplyFixtures))]
    public void Html_part_alone_gives_the_same_visible_text(string fixture)
    {
        var htmlOnly = MailParser.Parse(ReplyFixtures.HtmlOnly(fixture));

        Assert.Equal(Collapsed(ReplyFixtures.Expected(fixture)), Collapsed(htmlOnly.VisibleText));
    }

    [Theory]
    [MemberData(nameof(ReplyFixtures.All), MemberType = typeof(ReplyFixtures))]
    public void Full_text_keeps_the_history(string fixture)
    {
        var mail = InboundFixtures.Parse(fixture);

        Assert.True(mail.Text.Length > mail.VisibleText.Length, "the full text should still hold what was cut");
    }

    // Paragraphs may wrap differently in the two parts; the words must be the same.
    private static string Collapsed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
