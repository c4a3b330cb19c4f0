namespace Switchboard.Tests.Inbound.Parsing;

public class CharsetTests
{
    [Theory]
    [InlineData("Charsets/iso-8859-1.eml", "Consulta sobre el envío", "José Núñez", "¿Cuándo llegará mi pedido? Señor Núñez, Cádiz.")]
    [InlineData("Charsets/windows-1252.eml", "Quote for the “Pro” plan", "Chloe O'Brien", "Hi – could you send a quote for the “Pro” plan? Budget is €1,200 per year…")]
    [InlineData("Charsets/shift-jis.eml", "見積もりのお願い", "田中 太郎", "見積もりをお願いいたします。")]
    [InlineData("Charsets/iso-2022-jp.eml", "配送状況の確認", "山田 美咲", "注文番号 8812 の配送状況を教えてください。")]
    [InlineData("Charsets/utf8-8bit.eml", "Zażółć gęślą jaźń 🚀", "Zofia Wójcik", "Dzień dobry, aplikacja działa świetnie 🚀 — dziękuję!")]
    public void Charset_is_decoded_in_subject_name_and_body(string fixture, string subject, string name, string bodyText)
    {
        var mail = InboundFixtures.Parse(fixture);

        Assert.Equal(subject, mail.Subject);
        Assert.Equal(name, mail.From!.Name);
        Assert.Contains(bodyText, mail.Text);
        Assert.Empty(mail.Problems);
    }

    [Fact]
    public void Rfc2047_subject_split_over_encoded_words_is_joined()
    {
        var mail = InboundFixtures.Parse("Charsets/rfc2047-subject.eml");

        Assert.Equal("Re: Änderung der Lieferadresse – dringend", mail.Subject);
        Assert.Equal("Björn Ångström", mail.From!.Name);
        Assert.Equal(["François", "Ops Team"], mail.Cc.Select(c => c.Name));
    }

    [Fact]
    public void Unknown_charset_falls_back_to_windows_1252_and_says_so()
    {
        var mail = InboundFixtures.Parse("Charsets/unknown-charset.eml");

        Assert.Equal("Merci pour la réponse, très utile.", mail.VisibleText);
        Assert.Contains("unknown charset 'x-foo-bar', decoded as Windows-1252", mail.Problems);
    }

    [Fact]
    public void Utf8_body_declared_as_ascii_is_read_as_utf8_and_noted()
    {
        var mail = InboundFixtures.Parse("Charsets/ascii-declared-utf8-body.eml");

        Assert.Equal("Grüße aus Köln", mail.VisibleText);
        Assert.Single(mail.Problems);
    }
}
