using System.Net;
using System.Net.Sockets;

namespace Switchboard.Tests.Infrastructure;

/// <summary>A storage connection string whose endpoints are a loopback port nothing listens on.</summary>
public static class UnreachableStorage
{
    public static string ConnectionString()
    {
        var endpoint = $"http://127.0.0.1:{FreePort()}/devstoreaccount1";
        return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Azurite.DevAccountKey};" +
            $"BlobEndpoint={endpoint};QueueEndpoint={endpoint};TableEndpoint={endpoint};";
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
