using System.Net;
using System.Net.Sockets;

namespace Switchboard.Handlers.Security;

/// <summary>
/// The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and later entries), plus multicast and the
/// cloud metadata endpoints: the addresses a server must never be talked into calling on someone's behalf.
/// IPv6 is public only inside global unicast (2000::/3) outside the special blocks; IPv6 forms that carry an IPv4
/// address (IPv4-mapped, NAT64 64:ff9b::/96) are judged by that IPv4 address; IPv4-compatible (::a.b.c.d), 6to4 and
/// Teredo forms are refused outright.
/// </summary>
public static class SpecialPurposeAddresses
{
    private static readonly IPNetwork[] NotPublicV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),         // "this network"
        IPNetwork.Parse("10.0.0.0/8"),        // private
        IPNetwork.Parse("100.64.0.0/10"),     // shared address space (carrier-grade NAT)
        IPNetwork.Parse("127.0.0.0/8"),       // loopback
        IPNetwork.Parse("169.254.0.0/16"),    // link-local (cloud metadata lives here)
        IPNetwork.Parse("172.16.0.0/12"),     // private
        IPNetwork.Parse("192.0.0.0/24"),      // IETF protocol assignments (DS-Lite, NAT64 discovery, …)
        IPNetwork.Parse("192.0.2.0/24"),      // documentation (TEST-NET-1)
        IPNetwork.Parse("192.88.99.0/24"),    // deprecated 6to4 relay anycast
        IPNetwork.Parse("192.168.0.0/16"),    // private
        IPNetwork.Parse("198.18.0.0/15"),     // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),   // documentation (TEST-NET-2)
        IPNetwork.Parse("203.0.113.0/24"),    // documentation (TEST-NET-3)
        IPNetwork.Parse("224.0.0.0/4"),       // multicast
        IPNetwork.Parse("240.0.0.0/4"),       // reserved, and 255.255.255.255 broadcast
    ];

    private static readonly IPNetwork GlobalUnicastV6 = IPNetwork.Parse("2000::/3");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    private static readonly IPNetwork[] NotPublicV6 =
    [
        IPNetwork.Parse("2001::/23"),         // IETF protocol assignments (Teredo 2001::/32, benchmarking, ORCHID, …)
        IPNetwork.Parse("2001:db8::/32"),     // documentation
        IPNetwork.Parse("2002::/16"),         // 6to4: carries an IPv4 address of its choosing
        IPNetwork.Parse("3fff::/20"),         // documentation
    ];

    /// <summary>
    /// Instance metadata services (AWS, Azure, GCP, Oracle, DigitalOcean: 169.254.169.254; Alibaba: 100.100.100.200;
    /// AWS over IPv6: fd00:ec2::254): refused even when development allows local addresses, as they hand out credentials.
    /// </summary>
    private static readonly IPAddress[] Metadata =
    [
        IPAddress.Parse("169.254.169.254"), IPAddress.Parse("169.254.170.2"), IPAddress.Parse("100.100.100.200"), IPAddress.Parse("fd00:ec2::254"),
    ];

    /// <summary>True when the address is an ordinary, globally reachable unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (EmbeddedIPv4(address) is { } v4)
        {
            return IsPublic(v4);
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !NotPublicV4.Any(n => n.Contains(address));
        }
        return address.AddressFamily == AddressFamily.InterNetworkV6
            && GlobalUnicastV6.Contains(address) && !NotPublicV6.Any(n => n.Contains(address));
    }

    /// <summary>True for a cloud instance metadata endpoint, in any IPv4 or IPv6 spelling.</summary>
    public static bool IsMetadata(IPAddress address)
    {
        var plain = EmbeddedIPv4(address) ?? address;
        if (plain.AddressFamily == AddressFamily.InterNetworkV6 && plain.ScopeId != 0)
        {
            plain = new IPAddress(plain.GetAddressBytes());
        }
        return Metadata.Contains(plain) || (IsIPv4Compatible(address, out var compatible) && Metadata.Contains(compatible));
    }

    /// <summary>The IPv4 address an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address stands for.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && Nat64.Contains(address))
        {
            return new IPAddress(address.GetAddressBytes()[12..]);
        }
        return null;
    }

    /// <summary>The deprecated IPv4-compatible form ::a.b.c.d (refused anyway, as all of ::/8 is; named for metadata checks).</summary>
    private static bool IsIPv4Compatible(IPAddress address, out IPAddress v4)
    {
        v4 = IPAddress.None;
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }
        var bytes = address.GetAddressBytes();
        if (bytes[..12].Any(b => b != 0))
        {
            return false;
        }
        v4 = new IPAddress(bytes[12..]);
        return true;
    }
}
