using System.Text;
using MimeKit;
using MimeKit.Text;

namespace Switchboard.Benchmarks.Ingest;

/// <summary>One generated email: its raw bytes and its Message-ID (without angle brackets).</summary>
internal sealed record GeneratedMail(string MessageId, string Kind, byte[] Mime);

/// <summary>
/// A realistic mix of inbound mail to support@acme.test, generated with a fixed seed: new conversations, the customers'
/// replies to them, one long mailing-list-style thread (a third of the mix) delivered in shuffled order, HTML mail with
/// attachments and multilingual mail in several charsets and transfer encodings. Bodies are sentences of ordinary
/// support vocabulary, so the search index gets the number of distinct words real mail gives it.
/// </summary>
internal static class IngestMix
{
    private static readonly string[] Words =
    [
        "order", "invoice", "delivery", "package", "refund", "account", "password", "login", "error", "screen", "update",
        "printer", "cable", "router", "network", "billing", "subscription", "upgrade", "downgrade", "plan", "customer",
        "shipping", "address", "tracking", "number", "warehouse", "replacement", "broken", "cracked", "missing", "late",
        "yesterday", "tomorrow", "morning", "evening", "weekend", "monday", "friday", "manager", "colleague", "office",
        "laptop", "battery", "charger", "keyboard", "mouse", "monitor", "display", "firmware", "driver", "install",
        "restart", "settings", "option", "feature", "request", "ticket", "support", "team", "answer", "question",
        "problem", "issue", "urgent", "thanks", "please", "help", "soon", "quickly", "attached", "photo", "receipt",
        "payment", "card", "declined", "charged", "twice", "cancel", "renew", "contract", "license", "seat", "users",
        "export", "import", "report", "dashboard", "chart", "calendar", "meeting", "schedule", "holiday", "vacation",
        "backup", "restore", "database", "server", "timeout", "slow", "crash", "freeze", "sync", "mobile", "android",
        "iphone", "tablet", "browser", "chrome", "firefox", "safari", "cookie", "cache", "email", "notification",
        "spam", "folder", "archive", "search", "filter", "label", "green", "red", "blue", "small", "large", "medium",
        "box", "lid", "bottle", "glass", "steel", "wooden", "chair", "table", "lamp", "bulb", "switch", "socket",
    ];

    private static readonly (string Language, string Charset, ContentEncoding Encoding, string Subject, string Body)[] Multilingual =
    [
        ("de", "iso-8859-1", ContentEncoding.QuotedPrintable, "Lieferung beschädigt", "Guten Tag, die Lieferung kam beschädigt an. Können Sie bitte einen Ersatz schicken? Grüße aus München"),
        ("ru", "koi8-r", ContentEncoding.Base64, "Не работает вход", "Здравствуйте! Я не могу войти в свой аккаунт после обновления пароля. Помогите, пожалуйста."),
        ("ja", "iso-2022-jp", ContentEncoding.SevenBit, "請求書について", "お世話になっております。先月の請求書が二重に届きました。ご確認をお願いいたします。"),
        ("zh", "utf-8", ContentEncoding.Base64, "退款申请", "您好，我想申请退款，订单号在附件里。谢谢您的帮助。"),
        ("fr", "windows-1252", ContentEncoding.QuotedPrintable, "Problème de facturation", "Bonjour, j'ai été débité deux fois ce mois-ci. Pourriez-vous vérifier ? Merci beaucoup, Élodie"),
        ("ar", "utf-8", ContentEncoding.QuotedPrintable, "مشكلة في الطلب", "مرحبا، لم يصل طلبي بعد. هل يمكنكم التحقق من رقم التتبع؟ شكرا"),
        ("el", "iso-8859-7", ContentEncoding.Base64, "Πρόβλημα σύνδεσης", "Γεια σας, δεν μπορώ να συνδεθώ στον λογαριασμό μου από χθες."),
    ];

    /// <summary>About <paramref name="count"/> emails; <paramref name="run"/> keeps Message-IDs apart between runs.</summary>
    public static IReadOnlyList<GeneratedMail> Generate(string run, int count, int seed = 18)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var threadLength = Math.Max(2, count / 3);
        var rest = count - threadLength;
        var ordered = new List<GeneratedMail>();
        var open = new List<(string MessageId, string Subject, int Customer)>();
        for (var i = 0; i < rest; i++)
        {
            var date = start.AddMinutes(i);
            var roll = random.NextDouble();
            if (roll < 0.30 && open.Count > 0)
            {
                var parent = open[random.Next(open.Count)];
                var id = $"reply-{i}-{run}@example.com";
                ordered.Add(new(id, "reply", Build(id, Customer(parent.Customer), "Re: " + parent.Subject, date, Sentences(random, 2, 5),
                    inReplyTo: parent.MessageId, quote: Sentences(random, 2, 3))));
            }
            else if (roll < 0.45)
            {
                var id = $"html-{i}-{run}@example.com";
                ordered.Add(new(id, "html with attachments", BuildHtml(id, Customer(i), $"Photos of {Words[random.Next(Words.Length)]} {i}", date, random)));
                open.Add((id, $"Photos of order {i}", i));
            }
            else if (roll < 0.57)
            {
                var (language, charset, encoding, subject, body) = Multilingual[random.Next(Multilingual.Length)];
                var id = $"{language}-{i}-{run}@example.com";
                ordered.Add(new(id, "multilingual", BuildLocal(id, Customer(i), $"{subject} {i}", date, body, charset, encoding)));
            }
            else
            {
                var id = $"new-{i}-{run}@example.com";
                var subject = $"{Capitalised(Words[random.Next(Words.Length)])} {Words[random.Next(Words.Length)]} {i}";
                ordered.Add(new(id, "new conversation", Build(id, Customer(i), subject, date, Sentences(random, 3, 8))));
                open.Add((id, subject, i));
            }
        }

        // The long thread: a mailing-list discussion, each message answering an earlier one, delivered in any order.
        var thread = new List<GeneratedMail>();
        var threadIds = new List<string>();
        for (var j = 0; j < threadLength; j++)
        {
            var id = $"thread-{j}-{run}@lists.example.org";
            var parent = j == 0 ? null : threadIds[random.Next(Math.Max(0, j - 5), j)];
            var references = j == 0 ? [] : threadIds.Take(Math.Min(j, 10)).Append(parent!).Distinct().ToArray();
            thread.Add(new(id, "long thread (shuffled)", Build(id, Customer(10_000 + j % 12), j == 0 ? "Firmware 4.2 sync problems" : "Re: Firmware 4.2 sync problems",
                start.AddSeconds(j * 30), Sentences(random, 2, 6), inReplyTo: parent, references: references,
                quote: j == 0 ? null : Sentences(random, 3, 6), list: true)));
            threadIds.Add(id);
        }
        Shuffle(random, thread);

        // Interleave the thread with the rest, keeping each part's own order (replies come after what they answer).
        var mixed = new List<GeneratedMail>(count);
        int a = 0, b = 0;
        while (a < ordered.Count || b < thread.Count)
        {
            var takeThread = b < thread.Count && (a >= ordered.Count || random.Next(count) < threadLength);
            mixed.Add(takeThread ? thread[b++] : ordered[a++]);
        }
        return mixed;
    }

    private static MailboxAddress Customer(int i) => new($"Customer {i}", $"customer{i}@example.com");

    private static MimeMessage Headers(string id, MailboxAddress from, string subject, DateTimeOffset date, string? inReplyTo = null,
        IReadOnlyList<string>? references = null, bool list = false)
    {
        var message = new MimeMessage { MessageId = id, Subject = subject, Date = date };
        message.From.Add(from);
        message.To.Add(new MailboxAddress("Acme Support", "support@acme.test"));
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            foreach (var reference in references ?? [inReplyTo])
            {
                message.References.Add(reference);
            }
        }
        if (list)
        {
            message.Headers.Add("List-Id", "Device owners <owners.lists.example.org>");
        }
        return message;
    }

    private static byte[] Build(string id, MailboxAddress from, string subject, DateTimeOffset date, string body, string? inReplyTo = null,
        IReadOnlyList<string>? references = null, string? quote = null, bool list = false)
    {
        var message = Headers(id, from, subject, date, inReplyTo, references, list);
        var text = quote is null ? body : $"{body}\n\nOn {date.AddHours(-2):R}, someone wrote:\n> {quote.Replace("\n", "\n> ", StringComparison.Ordinal)}";
        message.Body = new TextPart(TextFormat.Plain) { Text = text + $"\n\n-- \n{from.Name}\nSent from my phone" };
        return Bytes(message);
    }

    private static byte[] BuildHtml(string id, MailboxAddress from, string subject, DateTimeOffset date, Random random)
    {
        var message = Headers(id, from, subject, date);
        var text = Sentences(random, 3, 6);
        var builder = new BodyBuilder
        {
            TextBody = text,
            HtmlBody = $"<html><body><p style=\"color:#333\">{System.Net.WebUtility.HtmlEncode(text)}</p><p><img src=\"cid:photo1\"></p>" +
                "<table><tr><td>Order</td><td><b>42</b></td></tr></table></body></html>",
        };
        var image = new byte[6_000 + random.Next(20_000)];
        random.NextBytes(image);
        var inline = builder.LinkedResources.Add("photo1.png", image, new ContentType("image", "png"));
        inline.ContentId = "photo1";
        var pdf = new byte[20_000 + random.Next(60_000)];
        random.NextBytes(pdf);
        builder.Attachments.Add("receipt.pdf", pdf, new ContentType("application", "pdf"));
        message.Body = builder.ToMessageBody();
        return Bytes(message);
    }

    private static byte[] BuildLocal(string id, MailboxAddress from, string subject, DateTimeOffset date, string body, string charset, ContentEncoding encoding)
    {
        var message = Headers(id, from, subject, date);
        var part = new TextPart(TextFormat.Plain) { ContentTransferEncoding = encoding };
        part.SetText(Encoding.GetEncoding(charset), body);
        message.Body = part;
        return Bytes(message);
    }

    private static string Sentences(Random random, int min, int max)
    {
        var text = new StringBuilder();
        var sentences = random.Next(min, max + 1);
        for (var s = 0; s < sentences; s++)
        {
            var length = random.Next(6, 16);
            for (var w = 0; w < length; w++)
            {
                var word = Words[random.Next(Words.Length)];
                text.Append(w == 0 ? Capitalised(word) : word).Append(w == length - 1 ? ". " : " ");
            }
        }
        return text.ToString().TrimEnd();
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }
}
