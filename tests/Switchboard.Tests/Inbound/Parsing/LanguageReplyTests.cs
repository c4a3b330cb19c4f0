namespace Switchboard.Tests.Inbound.Parsing;

public class LanguageReplyTests
{
    [Theory]
    [InlineData("Languages/german-reply.eml", "Hallo,\n\nvielen Dank für die schnelle Rückmeldung. Die Gutschrift ist angekommen.\n\nViele Grüße\nJürgen Weiß")]
    [InlineData("Languages/german-outlook-reply.eml", "Guten Morgen,\n\nder Zugang funktioniert wieder. Danke!\n\nPetra Schulz")]
    [InlineData("Languages/french-reply.eml", "Bonjour,\n\nÇa fonctionne maintenant, merci beaucoup !\n\nCamille")]
    [InlineData("Languages/spanish-reply.eml", "Hola,\n\nEl número de pedido correcto es 55-1203. ¿Podéis corregir la factura?\n\nSaludos,\nLucía")]
    [InlineData("Languages/dutch-reply.eml", "Hoi,\n\nHet pakket is vandaag aangekomen. Bedankt!\n\nDaan")]
    [InlineData("Languages/portuguese-reply.eml", "Olá,\n\nConsegui entrar, obrigado pela ajuda.\n\nJoão")]
    [InlineData("Languages/italian-reply.eml", "Buongiorno,\n\nconfermo l'indirizzo di spedizione, grazie.\n\nGiulia")]
    [InlineData("Languages/swedish-reply.eml", "Hej,\n\nTack, nu har jag fått fakturan.\n\nErik")]
    [InlineData("Languages/japanese-reply.eml", "サポートご担当者様\n\nログインできるようになりました。ありがとうございました。\n\n佐藤")]
    [InlineData("Languages/japanese-shift-jis-reply.eml", "お世話になっております。\n\n請求書を受け取りました。確認いたします。\n\n鈴木")]
    public void Reply_in_another_language_drops_the_quoted_history(string fixture, string expected)
    {
        var mail = InboundFixtures.Parse(fixture);

        Assert.Equal(expected, mail.VisibleText);
        Assert.Empty(mail.Problems);
    }

    [Fact]
    public void Japanese_names_and_subject_are_decoded_from_iso_2022_jp()
    {
        var mail = InboundFixtures.Parse("Languages/japanese-reply.eml");

        Assert.Equal("Re: ログインできません", mail.Subject);
        Assert.Equal("佐藤 花子", mail.From!.Name);
    }
}
