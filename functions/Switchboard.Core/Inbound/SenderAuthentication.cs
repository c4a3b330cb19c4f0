using System.Text.RegularExpressions;
using MimeKit;

namespace Switchboard.Core.Inbound;

/// <summary>Whether the From domain of a message is vouched for, and why (for logs and the agent's warning).</summary>
public sealed record SenderVerdict(bool Verified, string Reason);

/// <summary>
/// Decides whether a message really comes from the domain in its From header, DMARC-style: some check we trust must
/// pass for a domain aligned with it — DMARC itself for the From domain, or DKIM (<c>header.d</c>) or SPF
/// (<c>smtp.mailfrom</c>) for the From domain, a subdomain of it, or a parent domain of it (relaxed alignment without
/// a public-suffix list; a parent can only pass DKIM or SPF with control of its DNS).
/// Trusted checks are (1) the topmost <c>Authentication-Results</c> or <c>ARC-Authentication-Results</c> header whose
/// authserv-id is one we were told to trust — the receiving server adds its own above anything the sender wrote —
/// and (2) SendGrid Inbound Parse's <c>SPF</c> and <c>dkim</c> fields, which reach us outside the message.
/// </summary>
public static partial class SenderAuthentication
{
    /// <summary>The authserv-id under which SendGrid's form fields are recorded; never read from a message's own headers.</summary>
    public const string SendGridAuthservId = "sendgrid-inbound-parse";

    /// <summary>
    /// SendGrid's <c>SPF</c> ("pass") and <c>dkim</c> ("{@acme.test : pass, @sendgrid.net : fail}") fields as one
    /// Authentication-Results value, so they travel in the queue message and are read like a header. Null when absent.
    /// </summary>
    public static string? FromSendGridFields(string? spf, string? dkim, string? envelopeFrom)
    {
        var results = new List<string>();
        if (spf is { Length: > 0 } && Word().Match(spf) is { Success: true } spfResult)
        {
            results.Add($"spf={spfResult.Value.ToLowerInvariant()}" + (envelopeFrom is { Length: > 0 } && !envelopeFrom.Any(char.IsWhiteSpace) ? $" smtp.mailfrom=\"{envelopeFrom.Replace("\"", "", StringComparison.Ordinal)}\"" : ""));
        }
        foreach (Match signature in DkimEntry().Matches(dkim ?? ""))
        {
            results.Add($"dkim={signature.Groups["result"].Value.ToLowerInvariant()} header.d={signature.Groups["domain"].Value.ToLowerInvariant()}");
        }
        return results.Count == 0 ? null : $"{SendGridAuthservId}; {string.Join("; ", results)}";
    }

    /// <summary>
    /// The results of the topmost Authentication-Results or ARC-Authentication-Results header of the raw message whose
    /// authserv-id is in <paramref name="trustedAuthservIds"/>; null when none is.
    /// </summary>
    public static AuthenticationResults? TrustedHeader(byte[] rawMessage, IReadOnlyCollection<string> trustedAuthservIds)
    {
        if (trustedAuthservIds.Count == 0)
        {
            return null;
        }
        HeaderList headers;
        try
        {
            using var stream = new MemoryStream(rawMessage, writable: false);
            headers = HeaderList.Load(ParserOptions.Default, stream);
        }
        catch (FormatException)
        {
            return null;
        }
        foreach (var header in headers)
        {
            var arc = header.Field.Equals("ARC-Authentication-Results", StringComparison.OrdinalIgnoreCase);
            if (!arc && !header.Field.Equals("Authentication-Results", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (AuthenticationResults.Parse(header.Value, arc) is { } parsed
                && trustedAuthservIds.Any(id => id.Trim().TrimEnd('.').Equals(parsed.AuthservId.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)))
            {
                return parsed;
            }
        }
        return null;
    }

    /// <summary>Whether any of the trusted results vouches for the domain of <paramref name="fromAddress"/>.</summary>
    public static SenderVerdict Evaluate(string fromAddress, IEnumerable<AuthenticationResults> trusted)
    {
        var fromDomain = DomainOf(fromAddress);
        if (fromDomain is null)
        {
            return new(false, "the From address has no domain");
        }
        var checkers = new List<string>();
        foreach (var results in trusted)
        {
            checkers.Add(results.AuthservId);
            foreach (var result in results.Results.Where(r => r.Result == "pass"))
            {
                var passed = result.Method switch
                {
                    "dmarc" => result.Properties.TryGetValue("header.from", out var headerFrom) && Normalize(headerFrom) == fromDomain,
                    "dkim" => Aligned(result.Properties.TryGetValue("header.d", out var d) ? Normalize(d) : DomainOf(result.Properties.GetValueOrDefault("header.i")), fromDomain),
                    "spf" => Aligned(DomainOf(result.Properties.GetValueOrDefault("smtp.mailfrom")), fromDomain),
                    _ => false,
                };
                if (passed)
                {
                    return new(true, $"{result.Method} passed for {fromDomain} ({results.AuthservId})");
                }
            }
        }
        return checkers.Count == 0
            ? new(false, "no trusted authentication results came with it")
            : new(false, $"neither DMARC, DKIM nor SPF passed for {fromDomain} ({string.Join(", ", checkers)})");
    }

    private static bool Aligned(string? authenticated, string fromDomain) =>
        authenticated is { Length: > 0 }
        && (authenticated == fromDomain
            || authenticated.EndsWith("." + fromDomain, StringComparison.Ordinal)
            || (fromDomain.EndsWith("." + authenticated, StringComparison.Ordinal) && authenticated.Contains('.')));

    /// <summary>"alice@Acme.test" → "acme.test"; "@acme.test" (DKIM i=) → "acme.test"; a bare domain stays itself.</summary>
    private static string? DomainOf(string? address)
    {
        if (address is not { Length: > 0 })
        {
            return null;
        }
        var at = address.LastIndexOf('@');
        var domain = Normalize(at >= 0 ? address[(at + 1)..] : address);
        return domain.Length > 0 ? domain : null;
    }

    private static string Normalize(string domain) => domain.Trim().Trim('<', '>').TrimEnd('.').ToLowerInvariant();

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"@(?<domain>[A-Za-z0-9.-]+)\s*:\s*(?<result>[A-Za-z]+)")]
    private static partial Regex DkimEntry();
}
