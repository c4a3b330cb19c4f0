using System.Text.RegularExpressions;

namespace Switchboard.Core.Inbound;

/// <summary>
/// The lines mail clients write above quoted history and forwarded messages, in the languages
/// our customers write in. Patterns are matched against one trimmed line (or a wrapped attribution
/// joined from up to three lines).
/// </summary>
internal static partial class QuoteMarkers
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>"On … wrote:" and its translations (Gmail, Apple Mail, Thunderbird, Outlook for Mac).</summary>
    [GeneratedRegex("""
        ^(?:
            On\s.+\swrote\s?:
          | Am\s.+\sschrieb.*:      | .+\sschrieb\sam\s.+:
          | Le\s.+\sa\sécrit\s?:
          | El\s.+\sescribió\s?:
          | Op\s.+\sschreef.*:
          | .*\d.*\sskrev\b.*:
          | Em\s.+\sescreveu\s?:
          | Il\s.+\sha\sscritto\s?:
          | W\sdniu\s.+\snapisał.*:
          | .+\s(?:пишет|написал|написала)\s?:
          | .+(?:のメッセージ|のメール|書きました)\s?[:：]
          | \d{4}年\d{1,2}月\d{1,2}日.+<[^>]+>\s?[:：]
          | 在.+写道\s?[:：]        | .+於.+寫道\s?[:：]
        )$
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex Attribution();

    /// <summary>Words an attribution that wraps over several lines starts with.</summary>
    [GeneratedRegex(@"^(On|Am|Le|El|Op|Den|Em|Il|W dniu)\s", Options)]
    public static partial Regex AttributionStart();

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht|Messaggio originale|Mensagem original|Originalmeddelande|Opprinnelig melding|Oprindelig meddelelse|Alkuperäinen viesti|Wiadomość oryginalna|原始邮件|元のメッセージ)\s*-{2,}$", Options)]
    public static partial Regex OriginalMessage();

    /// <summary>Outlook's separator line above the quoted header block.</summary>
    [GeneratedRegex(@"^_{10,}$")]
    public static partial Regex Underscores();

    [GeneratedRegex(@"^\*?(From|Von|De|Van|Da|Från|Fra|Od|Lähettäjä|Feladó|Kimden|От|差出人|发件人|寄件者)\s*\*?\s*[:：]", Options)]
    public static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Date|Gesendet|Datum|Envoyé|Date d'envoi|Enviado|Enviada|Fecha|Verzonden|Inviato|Data|Skickat|Sendt|Lähetetty|Wysłano|Tarih|Отправлено|送信日時|日付|发送时间|發送時間|时间)\s*\*?\s*[:：]", Options)]
    public static partial Regex HeaderSent();

    [GeneratedRegex(@"^\*?(To|An|À|A|Para|Aan|Till|Til|Vastaanottaja|Do|Kime|Кому|宛先|收件人)\s*\*?\s*[:：]", Options)]
    public static partial Regex HeaderTo();

    [GeneratedRegex(@"^\*?(Subject|Betreff|Objet|Asunto|Onderwerp|Oggetto|Assunto|Ämne|Emne|Aihe|Temat|Konu|Тема|件名|主题|主旨)\s*\*?\s*[:：]", Options)]
    public static partial Regex HeaderSubject();

    [GeneratedRegex(@"^(-{3,}\s*(Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Doorgestuurd bericht|Messaggio inoltrato|Mensagem encaminhada|Vidarebefordrat meddelande|Videresendt melding|転送されたメッセージ)\s*-{3,}|(Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message réexpédié|Inicio del mensaje reenviado|Início da mensagem reencaminhada)\s*:)$", Options)]
    public static partial Regex Forward();

    /// <summary>Sign-offs that mail apps add below what the person typed.</summary>
    [GeneratedRegex(@"^(Sent from my \w[\w ]{0,40}|Sent from (Outlook|Mail|Yahoo Mail|Samsung|my mobile|ProtonMail)\b.{0,60}|Get Outlook for (iOS|Android)\b.*|Sent with Proton Mail.{0,40}|Sent via .{1,40}|Von meinem \w[\w ]{0,30} gesendet|Gesendet von .{1,40}|Envoyé de mon \w[\w ]{0,30}|Enviado desde mi \w[\w ]{0,30}|Enviado do meu \w[\w ]{0,30}|Verzonden (vanaf|met) .{1,40}|Inviato da .{1,40}|Skickat från min \w[\w ]{0,30}|Sendt fra min \w[\w ]{0,30}|iPhoneから送信|Android.{0,20}から送信)\.?$", Options)]
    public static partial Regex MobileSignature();
}
