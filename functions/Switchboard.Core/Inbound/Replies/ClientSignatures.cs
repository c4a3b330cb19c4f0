using System.Text.RegularExpressions;

namespace Switchboard.Core.Inbound.Replies;

/// <summary>The sign-offs mail apps add below what the person typed ("Sent from my iPhone"), per language.</summary>
internal static partial class ClientSignatures
{
    public static bool IsClientSignOff(string trimmedLine) => SignOff().IsMatch(trimmedLine.Trim('*', '_', ' '));

    [GeneratedRegex("""
        ^(?:
            Sent\s+from\s+my\s+\S.{0,50} | Sent\s+from\s+(?:Outlook|Mail|Yahoo|Samsung|my\s+mobile|Proton|Gmail|AOL|Zoho|Spark|BlueMail|iCloud|Windows)\b.{0,60}
          | Sent\s+(?:with|using|via)\s+.{1,50} | Get\s+Outlook\s+for\s+(?:iOS|Android|Mac)\b.{0,30}
          | Sent\s+from\s+my\s+.{1,40}\s+with\s+K-9\s+Mail.{0,60} | .{0,80}\bK-9\s+Mail\s+gesendet.{0,40}
          | Diese\s+Nachricht\s+wurde\s+von\s+meinem\s+.{1,60}\s+gesendet.{0,60}                       # de, K-9
          | Von\s+meinem\s+.{1,40}\s+gesendet | Gesendet\s+(?:von|mit|vom)\s+.{1,50} | Outlook\s+für\s+(?:iOS|Android)\s+\S+
          | Envoyé\s+(?:de|depuis)\s+.{1,50} | (?:Obtenir|Télécharger)\s+Outlook\s+pour\s+(?:iOS|Android)\b.{0,20}   # fr
          | Enviado\s+desde\s+.{1,50} | Obtener\s+Outlook\s+para\s+(?:iOS|Android)\b.{0,20}                    # es
          | Enviado\s+(?:do|de)\s+(?:meu|o|a)?\s*.{1,50} | Obter\s+o\s+Outlook\s+para\s+(?:iOS|Android)\b.{0,20}  # pt
          | Inviato\s+da(?:l\s+mio)?\s+.{1,50} | Scarica\s+Outlook\s+per\s+(?:iOS|Android)\b.{0,20}               # it
          | Verzonden\s+(?:vanaf|met|via|van)\s+.{1,50} | Outlook\s+voor\s+(?:iOS|Android)\s+downloaden         # nl
          | Skickat\s+från\s+.{1,50} | Sendt\s+fra\s+.{1,50} | Lähetetty\s+.{1,40}(?:sta|stä)                    # sv, da/no, fi
          | Wysłane\s+z\s+.{1,50} | Wysłano\s+z\s+.{1,50}                                                      # pl
          | Отправлено\s+(?:с|из)\s+.{1,50} | Надіслано\s+з\s+.{1,50}                                         # ru, uk
          | Odesláno\s+z\s+.{1,50} | Odoslané\s+z\s+.{1,50} | .{1,30}'(?:dan|den|tan|ten)\s+gönderildi          # cs, sk, tr
          | 发自我的.{1,30} | 从我的.{1,30}发送 | 從我的\s*.{1,30}傳送 | .{1,30}から送信 | .{1,30}에서\s+보냄           # zh, ja, ko
        )\.?$
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex SignOff();
}
