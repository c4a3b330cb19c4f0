using System.Text.RegularExpressions;

namespace Switchboard.Core.Inbound.Replies;

/// <summary>What starts the history below a reply.</summary>
internal enum MarkerKind
{
    /// <summary>"On … wrote:" and its translations; the history below is usually "&gt;"-quoted.</summary>
    Attribution,
    /// <summary>"-----Original Message-----" and translations; the history below is not quoted.</summary>
    OriginalMessage,
    /// <summary>Outlook's From/Sent/To/Subject block, with or without a line of underscores above it.</summary>
    HeaderBlock,
    /// <summary>"---------- Forwarded message ---------", "Begin forwarded message:" and translations.</summary>
    Forward,
}

/// <summary>The first history marker of a text: where it starts, the index of its last line and its kind.</summary>
internal sealed record HistoryMarker(MarkerKind Kind, int Start, int End);

/// <summary>
/// Separator lines and Outlook header blocks in the languages clients write them. Lines are matched trimmed, without
/// the asterisks that a flattened HTML mail puts around bold text ("*-------- Original Message --------*", "*From:* Ana").
/// </summary>
internal static partial class HistoryMarkers
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // How far below "From:" Outlook's Sent/To/Subject lines may be (Cc can be long).
    private const int HeaderBlockSpan = 8;

    public static HistoryMarker? First(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = Undecorated(lines[i]);
            if (line.Length == 0 || line.StartsWith('>'))
                continue;
            if (Forward().IsMatch(line))
                return new(MarkerKind.Forward, i, i);
            if (OriginalMessage().IsMatch(line))
                return new(MarkerKind.OriginalMessage, i, i);
            if (IsHeaderBlock(lines, i))
                return new(MarkerKind.HeaderBlock, i, i);
            if (Rule().IsMatch(line) && NextNonBlank(lines, i + 1) is { } next && IsHeaderBlock(lines, next))
                return new(MarkerKind.HeaderBlock, i, i);
            if (AttributionLines.EndOf(lines, i) is { } end)
                return new(MarkerKind.Attribution, i, end);
        }
        return null;
    }

    /// <summary>True for a line of dashes, underscores or similar that a cut can leave at the end of the visible text.</summary>
    public static bool IsSeparatorLine(string line) => SeparatorLine().IsMatch(line.Trim());

    private static bool IsHeaderBlock(IReadOnlyList<string> lines, int from)
    {
        if (!HeaderFrom().IsMatch(Undecorated(lines[from])))
            return false;
        var following = lines.Skip(from + 1).Take(HeaderBlockSpan).Select(Undecorated).ToList();
        var found = new[] { HeaderSent(), HeaderTo(), HeaderSubject() }.Count(pattern => following.Any(l => pattern.IsMatch(l)));
        return found >= 2;
    }

    private static int? NextNonBlank(IReadOnlyList<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
            if (lines[i].Trim().Length > 0)
                return i;
        return null;
    }

    private static string Undecorated(string line) => line.Trim().Trim('*').Trim();

    [GeneratedRegex("""
        ^(?:
            [-=_]{2,}\s*(?:
                Forwarded\s+message|Forwarded\s+Message|Weitergeleitete\s+Nachricht|Message\s+transféré|Mensaje\s+reenviado
              | Mensagem\s+encaminhada|Mensagem\s+reencaminhada|Messaggio\s+inoltrato|Doorgestuurd\s+bericht
              | Vidarebefordrat\s+meddelande|Videresendt\s+(?:melding|meddelelse)|Välitetty\s+viesti
              | Przekazana\s+wiadomość|Wiadomość\s+przekazana|Пересылаемое\s+сообщение|Переслане\s+повідомлення
              | Přeposlaná\s+zpráva|Továbbított\s+üzenet|İletilen\s+ileti|転送されたメッセージ|转发的邮件|已转发邮件
            )\s*[-=_]{2,}
          | (?:Begin\s+forwarded\s+message|Anfang\s+der\s+weitergeleiteten\s+Nachricht|Début\s+du\s+message\s+(?:réexpédié|transféré)
              | Inicio\s+del\s+mensaje\s+reenviado|Início\s+da\s+mensagem\s+(?:reencaminhada|encaminhada)|Inizio\s+messaggio\s+inoltrato
              | Begin\s+doorgestuurd\s+bericht|Vidarebefordrat\s+brev|Videresendt\s+besked|Начало\s+переадресованного\s+сообщения
              | Początek\s+przekazywanej\s+wiadomości|以下是转发的邮件|転送されたメッセージ
            )\s*[:：]
        )$
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Forward();

    [GeneratedRegex("""
        ^[-=_]{2,}\s*(?:
            Original\s+Message|Ursprüngliche\s+Nachricht|Originalnachricht|Message\s+d'origine|Message\s+original|Mensaje\s+original
          | Mensagem\s+original|Messaggio\s+originale|Oorspronkelijk\s+bericht|Originalmeddelande|Ursprungligt\s+meddelande
          | Opprinnelig\s+melding|Oprindelig\s+meddelelse|Alkuperäinen\s+viesti|Wiadomość\s+oryginalna|Oryginalna\s+wiadomość
          | Исходное\s+сообщение|Оригинальное\s+сообщение|Вихідне\s+повідомлення|Původní\s+zpráva|Pôvodná\s+správa|Eredeti\s+üzenet
          | Orijinal\s+(?:İleti|Mesaj)|Αρχικό\s+μήνυμα|Mesajul\s+original|原始邮件|原始郵件|元のメッセージ|원본\s+메시지
        )\s*[-=_]{2,}$
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex OriginalMessage();

    /// <summary>Outlook's rule above the quoted header block.</summary>
    [GeneratedRegex(@"^_{10,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(?:[-_=~*#]{3,}|-{2,}\s*$)")]
    private static partial Regex SeparatorLine();

    [GeneratedRegex(@"^(?:From|Von|De|Van|Da|Från|Fra|Od|Lähettäjä|Feladó|Kimden|От|Від|Από|Expeditor|差出人|发件人|寄件者|보낸\s*사람)\s*\*?\s*[:：]\s*\*?\s*\S", Options)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^(?:Sent|Date|Gesendet|Datum|Envoyé|Date\s+d'envoi|Enviado(?:\s+el)?|Enviada\s+em|Fecha|Verzonden|Inviato|Data|Skickat|Sendt|Lähetetty|Wysłano|Wysłane|Odesláno|Elküldve|Gönderildi|Tarih|Отправлено|Дата|Надіслано|Στάλθηκε|Trimis|送信日時|日付|发送时间|發送時間|时间|寄件日期|보낸\s*날짜)\s*\*?\s*[:：]", Options)]
    private static partial Regex HeaderSent();

    [GeneratedRegex(@"^(?:To|An|À|A|Para|Aan|Till|Til|Vastaanottaja|Do|Komu|Címzett|Kime|Кому|Προς|Către|宛先|收件人|收件者|받는\s*사람)\s*\*?\s*[:：]", Options)]
    private static partial Regex HeaderTo();

    [GeneratedRegex(@"^(?:Subject|Betreff|Objet|Asunto|Onderwerp|Oggetto|Assunto|Ämne|Emne|Aihe|Temat|Předmět|Tárgy|Konu|Тема|Θέμα|Subiect|件名|主题|主旨|제목)\s*\*?\s*[:：]", Options)]
    private static partial Regex HeaderSubject();
}
