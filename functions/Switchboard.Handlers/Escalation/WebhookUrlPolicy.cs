using System.Net;
using System.Net.Sockets;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// Which page webhook URLs an agent may set (the server posts to them: server-side request forgery otherwise). Only
/// https, to a public host name or address; with <see cref="EscalationOptions.AllowLocalWebhooks"/> (development) also
/// http and loopback, private and link-local addresses. Host names are not resolved: a public-looking name that
/// resolves to a private address is not caught here (that needs a check at connect time).
/// </summary>
public static class WebhookUrlPolicy
{
    /// <summary>Null when acceptable; otherwise why not, in a sentence for the 400.</summary>
    public static string? Problem(string url, bool allowLocal)
    {
        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0)
        {
            return "webhookUrl must be an absolute https URL, such as a Slack or Teams incoming webhook.";
        }
        var local = uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && !IsPublic(address))
            || uri.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) || !uri.IdnHost.Contains('.');
        if (local && !allowLocal)
        {
            return "webhookUrl must point to a public host: loopback, private and link-local addresses are refused.";
        }
        if (uri.Scheme == "http" && !(allowLocal && local))
        {
            return "webhookUrl must use https (http only to a local address in development).";
        }
        return null;
    }

    /// <summary>False for loopback, private (RFC 1918, fc00::/7), link-local, CGNAT, unspecified and multicast addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224);
        }
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
    }
}
