using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Storage;
using Switchboard.Storage.Mail;

namespace Switchboard.Handlers.Mail;

/// <summary><c>GET /api/dev/mail</c>: the sink's mail, newest first (at most 50).</summary>
public sealed class ListDevMail(MailSinkStore sink)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        var mail = await sink.ListAsync(50, cancellationToken);
        return Results.Ok(new DevMailList(mail.Select(m => new DevMailSummary(m.RowKey, m.From, m.To, m.Subject, m.SentAt)).ToList()));
    }
}

/// <summary><c>GET /api/dev/mail/{id}</c>: one message of the sink, with its text and HTML (shown as text).</summary>
public sealed class GetDevMail(MailSinkStore sink)
{
    private static readonly Regex Id = new("^[0-9]{19}-[0-9a-f]{8}$", RegexOptions.CultureInvariant);

    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        var mail = Id.IsMatch(id) ? await sink.GetAsync(id, cancellationToken) : null;
        return mail is null
            ? Problems.NotFound($"The mail sink holds no message '{id}'.")
            : Results.Ok(new DevMailMessage(mail.RowKey, mail.From, mail.To, mail.Subject, mail.SentAt, mail.Text, mail.Html,
                JsonSerializer.Deserialize<Dictionary<string, string>>(mail.Headers, JsonDefaults.Options) ?? []));
    }
}

/// <summary>
/// Who may read the sink: nobody unless the sink is the sender (404, as if the route did not exist); anyone at the
/// machine of a local host (<see cref="DevMailViewOptions"/>); otherwise agents, admitted by <see cref="AgentApi"/>.
/// </summary>
public sealed class DevMailAccess(IOptions<MailOptions> mail, IOptions<DevMailViewOptions> view, AgentApi api)
{
    public Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> handle, CancellationToken cancellationToken, bool requireMailSink = true)
    {
        if (requireMailSink && !mail.Value.UsesSink)
        {
            return Task.FromResult(Problems.NotFound("The dev mail view exists only while outgoing mail goes to the mail sink (Mail:Sender = sink)."));
        }
        return view.Value.DevMailView && IsLocalCaller(request)
            ? handle()
            : api.RunAsync(request, Callers.AnyAgent, _ => handle(), cancellationToken);
    }

    /// <summary>
    /// Headers a proxy or tunnel adds to say whom it forwards for. Any one of them means the caller is not (only) this
    /// machine, whatever its value: each proxy speaks a different dialect, so none is parsed and all count the same.
    /// </summary>
    public static readonly IReadOnlyList<string> ForwardingHeaders =
    [
        "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Server",
        "X-Real-IP", "X-Client-IP", "X-Original-Forwarded-For", "X-Original-Host", "X-Original-URL", "X-ProxyUser-Ip",
        "True-Client-IP", "CF-Connecting-IP", "Fastly-Client-IP", "X-Cluster-Client-IP", "X-Envoy-External-Address",
        "X-ARR-ClientCert", "X-ARR-SSL", "X-Azure-ClientIP", "X-Azure-SocketIP", "X-MS-Forwarded-Client-IP", "Via",
    ];

    /// <summary>
    /// A loopback connection is not enough on its own: a tunnel or reverse proxy on this machine (ngrok, a dev
    /// container port forward) also connects from loopback, but it names the public host or adds forwarding headers.
    /// </summary>
    public static bool IsLocalCaller(HttpRequest request) =>
        request.HttpContext.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
        && IsLoopbackHost(request.Host.Host)
        && !ForwardingHeaders.Any(request.Headers.ContainsKey);

    public static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

public sealed record DevMailList(IReadOnlyList<DevMailSummary> Items);

public sealed record DevMailSummary(string Id, string From, string To, string Subject, DateTimeOffset SentAt);

public sealed record DevMailMessage(
    string Id, string From, string To, string Subject, DateTimeOffset SentAt, string Text, string? Html, IReadOnlyDictionary<string, string> Headers);
