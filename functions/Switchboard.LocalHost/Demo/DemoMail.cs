using MimeKit;

namespace Switchboard.LocalHost.Demo;

/// <summary>
/// The hand-written customer mail of the demo (<c>Demo/Mail/*.eml</c>, copied to the output). Their dates are moved
/// together so that the newest was written a few minutes ago, and each goes to the configured mailbox whose local part
/// matches its To address (support@, billing@), else to the first.
/// </summary>
public sealed class DemoMail
{
    private readonly Dictionary<string, MimeMessage> messages;

    private DemoMail(Dictionary<string, MimeMessage> messages) => this.messages = messages;

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Demo", "Mail");

    /// <summary>Every file, by name without extension (<c>01-jonas-sync</c>).</summary>
    public static DemoMail Load(DateTimeOffset now)
    {
        var loaded = Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal)
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => MimeMessage.Load(path), StringComparer.Ordinal);
        var shift = now - TimeSpan.FromMinutes(5) - loaded.Values.Max(m => m.Date);
        foreach (var message in loaded.Values)
        {
            message.Date += shift;
        }
        return new DemoMail(loaded);
    }

    public IEnumerable<string> Names => messages.Keys;

    public string MessageId(string name) => "<" + messages[name].MessageId + ">";

    public string CustomerEmail(string name) => messages[name].From.Mailboxes.First().Address;

    public string Mailbox(string name, IReadOnlyList<string> mailboxes)
    {
        var local = messages[name].To.Mailboxes.First().LocalPart;
        return mailboxes.FirstOrDefault(m => m.StartsWith(local + "@", StringComparison.OrdinalIgnoreCase)) ?? mailboxes[0];
    }

    public byte[] Bytes(string name)
    {
        using var stream = new MemoryStream();
        messages[name].WriteTo(stream);
        return stream.ToArray();
    }
}
