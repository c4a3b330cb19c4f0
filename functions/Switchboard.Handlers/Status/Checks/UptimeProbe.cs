using System.Net;
using Switchboard.Core.Status;
using Switchboard.Handlers.Security;

namespace Switchboard.Handlers.Status.Checks;

/// <summary>The outcome of one GET: whether it passed, how long it took, and in a few words why not.</summary>
public sealed record ProbeResult(bool Up, int ResponseMs, string Detail);

/// <summary>
/// Makes one check's request. The client's handler (<see cref="PublicEndpoints.CreateHandler"/>) refuses to connect to
/// anything but public addresses, checked after DNS on every connection; redirects are followed here, at most
/// <see cref="MaxRedirects"/>, each target checked again by <see cref="PublicEndpoints.UrlProblem"/> before it is
/// requested. Only <see cref="UptimeCheckOptions.AllowLocalTargets"/> (tests, development) lifts the address rule.
/// </summary>
public sealed class UptimeProbe(IHttpClientFactory http, IOptions<UptimeCheckOptions> options, TimeProvider time)
{
    public const string HttpClientName = "uptime-checks";
    public const int MaxRedirects = 5;
    private const int MaxBodyChars = 1_000_000;

    public async Task<ProbeResult> RunAsync(UptimeCheck check, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(check.Timeout);
        try
        {
            var (up, detail) = await RequestAsync(check, timeout.Token);
            return new ProbeResult(up, Elapsed(started), detail);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(false, Elapsed(started), $"no answer within {check.TimeoutSeconds} s");
        }
        catch (HttpRequestException e)
        {
            return new ProbeResult(false, Elapsed(started), e.HttpRequestError == HttpRequestError.ConnectionError ? "could not connect" : "request failed");
        }
    }

    private async Task<(bool Up, string Detail)> RequestAsync(UptimeCheck check, CancellationToken cancellationToken)
    {
        var client = http.CreateClient(HttpClientName);
        var url = new Uri(check.Url);
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd("Switchboard-Uptime/1.0");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (status != check.ExpectedStatus && status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = new Uri(url, location);
                if (hop >= MaxRedirects)
                {
                    return (false, "too many redirects");
                }
                if (PublicEndpoints.UrlProblem(next.AbsoluteUri, options.Value.AllowLocalTargets, httpAllowed: true) is not null)
                {
                    return (false, "redirected to an address that is not allowed");
                }
                url = next;
                continue;
            }
            if (status != check.ExpectedStatus)
            {
                return (false, $"answered {status}, expected {check.ExpectedStatus}");
            }
            if (check.BodyContains is { Length: > 0 } expected)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!body.AsSpan(0, Math.Min(body.Length, MaxBodyChars)).Contains(expected, StringComparison.Ordinal))
                {
                    return (false, "the body lacks the expected text");
                }
            }
            return (true, $"answered {status}");
        }
    }

    private int Elapsed(long started) => (int)Math.Min(int.MaxValue, time.GetElapsedTime(started).TotalMilliseconds);
}

/// <summary>Settings of the uptime checks (section <c>StatusChecks</c>).</summary>
public sealed class UptimeCheckOptions
{
    public const string Section = "StatusChecks";

    /// <summary>
    /// Lets checks reach loopback, private and link-local addresses. Off in production (server-side request forgery);
    /// on in tests and local development, where the checked service runs on the same machine.
    /// </summary>
    public bool AllowLocalTargets { get; set; }
}
