using MimeKit;
using Switchboard.Tests.Inbound.Parsing;

namespace Switchboard.Tests.Inbound.Replies;

/// <summary>
/// The reply-extraction fixtures under TestData/Inbound/Replies: each <c>name.eml</c> has a <c>name.expected.txt</c>
/// holding the visible text a person should see (empty for a reply that only quotes).
/// </summary>
internal static class ReplyFixtures
{
    // Test discovery reads fixtures with MimeKit before Switchboard.Core (which registers the code pages) is loaded;
    // MimeKit builds its charset table once, so register them first.
    static ReplyFixtures() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static IEnumerable<string> Files() => InboundFixtures.Files().Where(f => f.StartsWith("Replies/", StringComparison.Ordinal));

    public static TheoryData<string> All() => new(Files());

    /// <summary>The fixtures that carry both a text and an HTML part.</summary>
    public static TheoryData<string> WithBothParts() => new(Files().Where(f => Load(f).Body is MultipartAlternative));

    public static string Expected(string fixture) =>
        File.ReadAllText(Path.Combine(InboundFixtures.Root, Path.ChangeExtension(fixture, null) + ".expected.txt")).ReplaceLineEndings("\n");

    public static byte[] Bytes(string fixture) => File.ReadAllBytes(Path.Combine(InboundFixtures.Root, fixture));

    public static MimeMessage Load(string fixture) => MimeMessage.Load(new MemoryStream(Bytes(fixture)));

    /// <summary>The same message with only its HTML part, as an HTML-only client would have sent it.</summary>
    public static byte[] HtmlOnly(string fixture)
    {
        var message = Load(fixture);
        message.Body = ((Multipart)message.Body!).OfType<TextPart>().Single(p => p.IsHtml);
        using var output = new MemoryStream();
        message.WriteTo(output);
        return output.ToArray();
    }
}
