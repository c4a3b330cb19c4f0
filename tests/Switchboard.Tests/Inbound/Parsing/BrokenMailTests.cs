using System.Text;
using Switchboard.Core.Inbound;

namespace Switchboard.Tests.Inbound.Parsing;

public class BrokenMailTests
{
    [Fact]
    public void Missing_message_id_is_synthesized_from_the_raw_bytes()
    {
        var first = InboundFixtures.Parse("Broken/missing-message-id.eml");
        var again = InboundFixtures.Parse("Broken/missing-message-id.eml");

        Assert.True(first.MessageIdSynthesized);
        Assert.Matches("^sha256-[0-9a-f]{32}@switchboard\\.invalid$", first.MessageId);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Contains(first.Problems, p => p.Contains("Message-ID"));
        Assert.Equal(MailFlags.None, first.Flags);
    }

    [Theory]
    [InlineData("=Z9=", true)]
    [InlineData("damaged-id", true)]
    [InlineData("<1234.5678>", false)]
    [InlineData("1234@mail.example.com", false)]
    public void A_damaged_message_id_is_replaced_by_one_made_from_the_bytes(string header, bool synthesized)
    {
        var raw = System.Text.Encoding.ASCII.GetBytes(
            $"Message-ID: {header}\r\nFrom: ana@example.com\r\nTo: support@acme.test\r\nSubject: Hi\r\n\r\nHello\r\n");

        var mail = MailParser.Parse(raw);

        Assert.Equal(synthesized, mail.MessageIdSynthesized);
        Assert.Equal(synthesized, mail.MessageId.EndsWith("@switchboard.invalid", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_from_is_a_problem_not_a_failure()
    {
        var mail = InboundFixtures.Parse("Broken/missing-from.eml");

        Assert.Null(mail.From);
        Assert.Contains("no From header", mail.Problems);
        Assert.Equal("Test page from device SCN-0042.", mail.VisibleText);
        Assert.Equal(MailFlags.None, mail.Flags);
    }

    [Fact]
    public void Malformed_from_and_date_are_reported()
    {
        var mail = InboundFixtures.Parse("Broken/malformed-from-and-date.eml");

        Assert.Null(mail.Date);
        Assert.Contains(mail.Problems, p => p.StartsWith("Date header 'someday soon'"));
        Assert.Contains(mail.Problems, p => p.StartsWith("From header"));
        Assert.Equal("Where is my order 1182?", mail.VisibleText);
    }

    [Fact]
    public void Unterminated_multipart_keeps_its_parts_and_notes_the_truncation()
    {
        var mail = InboundFixtures.Parse("Broken/unterminated-multipart.eml");

        Assert.Equal("Here are the logs from this morning.", mail.VisibleText);
        Assert.Equal("report.pdf", Assert.Single(mail.Attachments).FileName);
        Assert.Contains(mail.Problems, p => p.Contains("no closing boundary"));
    }

    [Fact]
    public void Bad_base64_attachment_is_decoded_leniently_and_noted()
    {
        var mail = InboundFixtures.Parse("Broken/bad-base64.eml");

        Assert.Equal("screen.png", Assert.Single(mail.Attachments).FileName);
        Assert.Contains("attachment 'screen.png' has damaged base64 content; decoded what could be read", mail.Problems);
    }

    [Fact]
    public void Huge_header_is_read_and_references_are_capped()
    {
        var mail = InboundFixtures.Parse("Broken/huge-header.eml");

        Assert.Equal("Still here.", mail.VisibleText);
        Assert.Equal(100, mail.References.Count);
        Assert.Equal("legacy.000000.x@example.com", mail.References[0]);
        Assert.Equal("legacy.002999.x@example.com", mail.References[^1]);
        Assert.Contains(mail.Problems, p => p.Contains("X-Legacy-Trace"));
    }

    [Theory]
    [InlineData("Broken/garbage.eml")]
    [InlineData("Broken/empty.eml")]
    [InlineData("Broken/no-headers.eml")]
    public void Unreadable_input_is_flagged_unparsed_with_a_problem(string fixture)
    {
        var mail = InboundFixtures.Parse(fixture);

        Assert.True(mail.Flags.HasFlag(MailFlags.Unparsed));
        Assert.True(mail.MessageIdSynthesized);
        Assert.NotEmpty(mail.Problems);
    }

    [Fact]
    public void Text_without_headers_is_still_shown()
    {
        var mail = InboundFixtures.Parse("Broken/no-headers.eml");

        Assert.Contains("Please call me back about the invoice.", mail.Text);
    }

    [Fact]
    public void Truncated_headers_give_what_could_be_read()
    {
        var mail = InboundFixtures.Parse("Broken/truncated-headers.eml");

        Assert.Equal("Ana Pereira", mail.From?.Name);
        Assert.Contains("the message has no body", mail.Problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("From: a@example.com\n")]
    [InlineData("Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain; charset=x-unknown\nContent-Transfer-Encoding: base64\n\n%%%")]
    [InlineData("Subject: =?utf-8?B?####?=\nThread-Index: not base64!\nDate: 99 Foo 9999\n\nbody")]
    public void Odd_input_never_throws(string raw)
    {
        var mail = MailParser.Parse(Encoding.UTF8.GetBytes(raw));

        Assert.NotNull(mail.MessageId);
    }

    [Fact]
    public void Null_input_never_throws()
    {
        Assert.True(MailParser.Parse(null!).Flags.HasFlag(MailFlags.Unparsed));
    }
}
