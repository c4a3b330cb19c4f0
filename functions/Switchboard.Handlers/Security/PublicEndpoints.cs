using System.Net;
using System.Net.Sockets;

namespace Switchboard.Handlers.Security;

/// <summary>
/// Guards every request the server makes to a URL someone else chose (page webhooks; status-page uptime checks next):
/// server-side request forgery must not reach loopback, private networks or cloud metadata. Two layers:
/// <see cref="UrlProblem"/> refuses a URL when it is saved (a clear 400), and <see cref="CreateHandler"/> builds the
/// HTTP handler that checks the address actually connected to, after DNS, on every connection — a public name that
/// resolves (or is re-pointed) to an internal address is refused there — and never follows a redirect.
/// </summary>
/// <remarks>
/// With <c>allowLocal</c> (development only) http and loopback, private and link-local addresses are allowed, so a
/// webhook receiver on the developer's machine works; cloud metadata addresses stay refused even then.
/// </remarks>
public static class PublicEndpoints
{
    /// <summary>Names that only mean something inside a network, or belong to metadata services.</summary>
    private static readonly string[] InternalNames =
    [
        "localhost", "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
        "kubernetes.default", "kubernetes.default.svc",
    ];

    /// <summary>Suffixes reserved for private use or never delegated publicly (RFC 2606, 6761, 6762, 8375, ICANN's .internal).</summary>
    private static readonly string[] InternalSuffixes =
    [
        ".localhost", ".local", ".localdomain", ".internal", ".intranet", ".lan", ".home.arpa", ".corp", ".private",
        ".test", ".example", ".invalid", ".onion", ".arpa",
    ];

    /// <summary>Null when the URL may be called; otherwise why not, in a sentence that can end a 400.</summary>
    /// <param name="httpAllowed">Plain http to public hosts too (uptime checks watch what customers reach, http included).</param>
    public static string? UrlProblem(string url, bool allowLocal, bool httpAllowed = false)
    {
        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.UserInfo.Length > 0 || uri.IdnHost.Length == 0)
        {
            return "it must be an absolute https URL without user name or password.";
        }
        var host = NormalizeHost(uri);
        var address = IPAddress.TryParse(host, out var literal) ? literal : null;
        if (IsMetadataName(host) || (address is not null && SpecialPurposeAddresses.IsMetadata(address)))
        {
            return "it points to a cloud metadata service.";
        }
        var local = address is null ? IsInternalName(host) : !SpecialPurposeAddresses.IsPublic(address);
        if (local && !allowLocal)
        {
            return "it must point to a public host: loopback, private, link-local and other special-purpose addresses and names are refused.";
        }
        if (uri.Scheme == "http" && !httpAllowed && !(allowLocal && local))
        {
            return "it must use https (http only to a local address in development).";
        }
        return null;
    }

    /// <summary>
    /// Lower-case, IDN as punycode, no trailing dots and no brackets: <c>LocalHost.</c> and <c>localhost</c> are one
    /// host, as are <c>[::1]</c> and <c>::1</c>.
    /// </summary>
    public static string NormalizeHost(Uri uri) => uri.IdnHost.Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    /// <summary>
    /// The primary handler for clients that call such URLs: no redirects, no proxy (it would connect for us, unchecked),
    /// and a connect step that resolves the name itself and refuses unless every address it resolves to is allowed
    /// (a name with one public and one private answer is how DNS rebinding slips through).
    /// </summary>
    public static SocketsHttpHandler CreateHandler(bool allowLocal) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host.Trim('[', ']').TrimEnd('.');
            var addresses = IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
            if (addresses.Length == 0 || addresses.Any(a => !IsAllowed(a, allowLocal)))
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError,
                    $"Refused to connect to {context.DnsEndPoint.Host}: it resolves to an address that is not public.");
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>Whether a connection to the address may be made.</summary>
    public static bool IsAllowed(IPAddress address, bool allowLocal) =>
        !SpecialPurposeAddresses.IsMetadata(address) && (allowLocal || SpecialPurposeAddresses.IsPublic(address));

    private static bool IsMetadataName(string host) =>
        host is "metadata" or "metadata.google.internal" or "metadata.goog" or "instance-data" or "instance-data.ec2.internal";

    private static bool IsInternalName(string host) =>
        !host.Contains('.') || InternalNames.Contains(host) || InternalSuffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal));
}
