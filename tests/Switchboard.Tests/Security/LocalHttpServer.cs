using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Tests.Security;

/// <summary>
/// A web server on a free loopback port that counts what reaches it: a page webhook, a redirect to somewhere else, or a
/// host of remote images in mail. <see cref="Respond"/> decides the answer (200 with no body unless set).
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener listener = new();

    public LocalHttpServer()
    {
        Port = FreePort();
        Origin = $"http://127.0.0.1:{Port}";
        listener.Prefixes.Add(Origin + "/");
        listener.Prefixes.Add($"http://localhost:{Port}/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:{port}, no trailing slash.</summary>
    public string Origin { get; }

    /// <summary>Every request's path and query, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Sets status, headers and body of the answer to a request.</summary>
    public Action<HttpListenerRequest, HttpListenerResponse> Respond { get; set; } = (_, response) => response.StatusCode = 200;

    public void Dispose() => listener.Close();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            try
            {
                var context = await listener.GetContextAsync();
                Requests.Enqueue(context.Request.Url!.PathAndQuery);
                Respond(context.Request, context.Response);
                context.Response.Close();
            }
            catch (Exception) when (!listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
