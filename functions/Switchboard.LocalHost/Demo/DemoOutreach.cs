using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Switchboard.LocalHost.Demo;

/// <summary>
/// The demo's phone paging and proactive outreach: Sam's verified numbers (SMS at once, a call after 5 minutes),
/// verified with the codes the phone sink recorded, and one outreach draft opened by a sample error alert. Skipped
/// steps when they were done before; the numbers only while texts go to the sink (no real phone gets a code).
/// </summary>
public sealed partial class DemoOutreach(DemoApi api)
{
    public const string SamNumber = "+4915198765432";
    public const string AlertSummary = "the nightly sync of your tablets failed";

    public async Task SeedAsync(string samId, string customerEmail, CancellationToken cancellationToken)
    {
        await PhoneAsync(samId, cancellationToken);
        // A repeated alert only counts in the customer's group: seeding again adds no draft.
        await api.AdminAsync(HttpMethod.Post, "/api/alerts", new
        {
            customer = new { email = customerEmail },
            summary = AlertSummary,
            link = "https://errors.example.com/issues/4711",
            severity = "warning",
            dedupKey = "demo-tablet-sync",
        }, cancellationToken);
    }

    private async Task PhoneAsync(string samId, CancellationToken cancellationToken)
    {
        var (sink, _) = await api.AdminAsync(HttpMethod.Get, "/api/dev/phone", cancellationToken: cancellationToken, allowed: HttpStatusCode.NotFound);
        if (sink == HttpStatusCode.NotFound)
        {
            return;
        }
        var path = $"/api/oncall/agents/{samId}";
        var (_, settings) = await api.AdminAsync(HttpMethod.Get, path + "/notifications", cancellationToken: cancellationToken);
        var verified = settings.GetProperty("contacts").EnumerateArray()
            .Where(c => c.GetProperty("verified").GetBoolean()).Select(c => c.GetProperty("channel").GetString()).ToHashSet();
        foreach (var channel in new[] { "sms", "voice" }.Where(c => !verified.Contains(c)))
        {
            await api.AdminAsync(HttpMethod.Put, $"{path}/contacts/{channel}", new { number = SamNumber }, cancellationToken);
            var (_, texts) = await api.AdminAsync(HttpMethod.Get, "/api/dev/phone", cancellationToken: cancellationToken);
            var code = texts.GetProperty("items").EnumerateArray()
                .Where(t => t.GetProperty("to").GetString() == SamNumber)
                .Select(t => Code().Match(t.GetProperty("body").GetString() ?? "")).First(m => m.Success).Groups[1].Value;
            await api.AdminAsync(HttpMethod.Post, $"{path}/contacts/{channel}/verify", new { code }, cancellationToken);
        }
        if (settings.GetProperty("rules").GetArrayLength() == 0)
        {
            await api.AdminAsync(HttpMethod.Put, path + "/rules", new
            {
                rules = new[] { new { channel = "sms", afterMinutes = 0 }, new { channel = "voice", afterMinutes = 5 } },
            }, cancellationToken);
        }
    }

    [GeneratedRegex(@"verification code[^0-9]*([0-9]{6})")]
    private static partial Regex Code();
}
