using System.Text;

namespace Switchboard.Tests.Threading;

/// <summary>A message of an invented thread, with the References chain and flags a test needs, written out by hand.</summary>
public sealed record ThreadMail(string MessageId, string From, string Subject, string? InReplyTo, IReadOnlyList<string> References)
{
    public string Body { get; init; } = "Hello";
    public string ExtraHeaders { get; init; } = "";
    public DateTimeOffset Date { get; init; } = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    public byte[] ToBytes()
    {
        var threading = (InReplyTo is null ? "" : $"In-Reply-To: <{InReplyTo}>\r\n")
            + (References.Count == 0 ? "" : $"References: {string.Join(" ", References.Select(r => $"<{r}>"))}\r\n");
        var date = Date.ToString("ddd, d MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(
            $"From: {From}\r\nTo: Acme Support <support@acme.test>\r\nSubject: {Subject}\r\nDate: {date} +0000\r\n" +
            $"Message-ID: <{MessageId}>\r\n{threading}{ExtraHeaders}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{Body}\r\n");
    }

    /// <summary>
    /// A thread of <paramref name="count"/> messages among <paramref name="participants"/> people, each answering a random
    /// earlier one. Like real clients, some write the whole References chain, some only In-Reply-To, some only the last
    /// few references (the chain trimmed), so a message processed early may not yet see where it belongs.
    /// </summary>
    public static List<ThreadMail> Conversation(int count, int participants, int seed)
    {
        var random = new Random(seed);
        var mails = new List<ThreadMail>();
        var chains = new List<List<string>>();
        for (var i = 0; i < count; i++)
        {
            var id = $"t{seed}-{i:D3}@mail.example.org";
            var from = $"Person {i % participants} <person{i % participants}@example.org>";
            if (i == 0)
            {
                mails.Add(new ThreadMail(id, from, "Team offsite planning", null, []) { Body = "Where shall we meet?" });
                chains.Add([id]);
                continue;
            }
            var parent = random.Next(i);
            var ancestry = chains[parent];
            IReadOnlyList<string> references = (i % 3) switch
            {
                0 => [],
                1 => ancestry.TakeLast(2).ToList(),
                _ => ancestry,
            };
            mails.Add(new ThreadMail(id, from, "Re: Team offsite planning", mails[parent].MessageId, references)
            {
                Body = $"Answer {i} to message {parent}.",
                Date = mails[0].Date.AddMinutes(i),
            });
            chains.Add([.. ancestry, id]);
        }
        return mails;
    }
}
