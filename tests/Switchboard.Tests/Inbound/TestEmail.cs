using MimeKit;

namespace Switchboard.Tests.Inbound;

/// <summary>Builds a plain email for a test that needs one the fixtures do not have.</summary>
public sealed record TestEmail(string From, string To, string Subject, string Body = "Hello")
{
    public string MessageId { get; init; } = $"{Guid.NewGuid():N}@mail.example.com";
    public string? InReplyTo { get; init; }
    public DateTimeOffset Date { get; init; } = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public byte[] ToBytes()
    {
        var message = new MimeMessage { Subject = Subject, Date = Date, MessageId = MessageId, Body = new TextPart("plain") { Text = Body } };
        message.From.Add(MailboxAddress.Parse(From));
        message.To.Add(MailboxAddress.Parse(To));
        if (InReplyTo is not null)
        {
            message.InReplyTo = InReplyTo;
            message.References.Add(InReplyTo);
        }
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
