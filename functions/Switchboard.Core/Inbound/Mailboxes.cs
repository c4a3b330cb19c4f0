using Switchboard.Core.Threading;

namespace Switchboard.Core.Inbound;

/// <summary>
/// The support addresses we receive mail for (support@, billing@, …) and their plus-addressed reply addresses
/// (<c>support+token@acme.test</c>). Mail to an address we do not know lands in the first mailbox.
/// </summary>
public sealed class Mailboxes
{
    private readonly IReadOnlyList<string> addresses;

    public Mailboxes(IEnumerable<string> addresses)
    {
        this.addresses = addresses.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct().ToList();
        if (this.addresses.Count == 0)
        {
            throw new ArgumentException("At least one mailbox is required.", nameof(addresses));
        }
    }

    public IReadOnlyList<string> All => addresses;

    public string Default => addresses[0];

    public bool IsOurs(string address) => addresses.Contains(Split(address).Base);

    /// <summary>The reply address of a conversation: the mailbox, plus-addressed with its secret token.</summary>
    public static string ReplyAddress(string mailbox, string token)
    {
        var at = mailbox.IndexOf('@');
        return $"{mailbox[..at]}+{token}{mailbox[at..]}";
    }

    /// <summary>
    /// The mailbox a message was delivered to (envelope first, then To, then Cc) and the reply tokens it carries.
    /// </summary>
    public (string Mailbox, IReadOnlyList<string> ReplyTokens) Route(IEnumerable<string> envelopeTo, IEnumerable<EmailAddress> to, IEnumerable<EmailAddress> cc)
    {
        string? mailbox = null;
        var tokens = new List<string>();
        foreach (var recipient in envelopeTo.Concat(to.Select(a => a.Address)).Concat(cc.Select(a => a.Address)))
        {
            var (baseAddress, tag) = Split(recipient);
            if (!addresses.Contains(baseAddress))
            {
                continue;
            }
            mailbox ??= baseAddress;
            if (tag is { Length: > 0 } && !tokens.Contains(tag))
            {
                tokens.Add(tag);
            }
        }
        return (mailbox ?? Default, tokens);
    }

    private static (string Base, string? Tag) Split(string address)
    {
        var a = address.Trim().Trim('<', '>').ToLowerInvariant();
        var at = a.LastIndexOf('@');
        if (at <= 0)
        {
            return (a, null);
        }
        var local = a[..at];
        var plus = local.IndexOf('+');
        return plus < 0 ? (a, null) : (local[..plus] + a[at..], local[(plus + 1)..]);
    }
}
