using System.Text;

namespace Switchboard.Tests.Inbound;

/// <summary>
/// Builds a plain-text email for a test that needs one the fixtures do not have. Written out by hand rather than with
/// MimeKit, so that a test never initialises MimeKit before the product does (see Switchboard.Core's CodePages).
/// </summary>
public sealed record TestEmail(string From, string To, string Subject, string Body = "Hello")
{
    public string MessageId { get; init; } = $"{Guid.NewGuid():N}@mail.example.com";
    public string? InReplyTo { get; init; }
    public DateTimeOffset Date { get; init; } = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Header lines written above all others, as a receiving server adds them ("Authentication-Results: …").</summary>
    public IReadOnlyList<string> TopHeaders { get; init; } = [];

    public byte[] ToBytes()
    {
        var threading = InReplyTo is null ? "" : $"In-Reply-To: <{InReplyTo}>\r\nReferences: <{InReplyTo}>\r\n";
        var date = Date.ToString("ddd, d MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(
            string.Concat(TopHeaders.Select(h => h + "\r\n")) +
            $"From: {From}\r\nTo: {To}\r\nSubject: {Subject}\r\nDate: {date} +0000\r\n" +
            $"Message-ID: <{MessageId}>\r\n{threading}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n" +
            $"Content-Transfer-Encoding: 8bit\r\n\r\n{Body}\r\n");
    }
}
