using System.Net;
using System.Net.Sockets;

namespace Switchboard.Tests.Infrastructure;

/// <summary>A storage connection string whose endpoints are a loopback port nothing listens on.</summary>
public static class UnreachableStorage
{
    // Bound but never listening, for the whole run: connections are refused, and no other test's server (all bind
    // port 0 in parallel) can be given this port, as it could be if the port were merely found free and let go.
    private static readonly Socket Reserved = Reserve();

    public static string ConnectionString()
    {
        var endpoint = $"http://127.0.0.1:{((IPEndPoint)Reserved.LocalEndPoint!).Port}/devstoreaccount1";
        return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Azurite.DevAccountKey};" +
            $"BlobEndpoint={endpoint};QueueEndpoint={endpoint};TableEndpoint={endpoint};";
    }

    private static Socket Reserve()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
