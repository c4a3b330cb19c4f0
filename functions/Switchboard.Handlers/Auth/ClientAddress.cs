using System.Net;
using System.Net.Sockets;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// Who is calling, as far as rate limits care: the connection's address, or — behind a front end that says whom it
/// forwards for (<see cref="AuthOptions.ClientAddressHeader"/>) — the right-most address of that header, the one the
/// front end itself appended (everything left of it the caller could have written). IPv6 callers count per /64, the
/// block one subscriber usually holds, so rotating addresses within it gains nothing.
/// </summary>
public static class ClientAddress
{
    /// <returns>A stable key such as <c>203.0.113.7</c> or <c>2001:db8:1:2::/64</c>; "unknown" when nothing says.</returns>
    public static string Of(HttpRequest request, string? trustedHeader)
    {
        IPAddress? address = request.HttpContext.Connection.RemoteIpAddress;
        if (trustedHeader is { Length: > 0 } && request.Headers.TryGetValue(trustedHeader, out var values))
        {
            var last = values.SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).LastOrDefault(v => v.Length > 0);
            address = last is null ? address : Parse(last) ?? address;
        }
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    /// <summary>"203.0.113.7", "203.0.113.7:4711", "[2001:db8::1]:443" or "2001:db8::1".</summary>
    private static IPAddress? Parse(string value)
    {
        if (IPAddress.TryParse(value, out var plain))
        {
            return plain;
        }
        return IPEndPoint.TryParse(value, out var endpoint) ? endpoint.Address : null;
    }
}
