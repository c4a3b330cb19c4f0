using System.Globalization;
using System.Net;

namespace Switchboard.LocalHost.Demo;

/// <summary>
/// The demo's team setup, each created only when missing (by name): the first admin's saved replies, the team's notes
/// about one customer, a weekly on-call schedule of the admin and Sam, and the escalation policy of the support mailbox, a small knowledge base and the status page.
/// </summary>
public sealed class DemoSetup(DemoApi api, string firstAdminEmail, string supportMailbox, TimeProvider time)
{
    public const string ScheduleName = "Support (primary)";
    /// <summary>The support mailbox's first-response target (its escalation policy's), which the demo's history is measured against too.</summary>
    public static readonly TimeSpan SupportTarget = TimeSpan.FromMinutes(30);

    public const string CustomerNotes = "Runs three workshops around Freiburg; prefers German. Their tablets lag one app version behind. Call before 8:00 or after 17:00.";

    private static readonly (string Name, string Body)[] SavedReplies =
    [
        ("Looking into it", "Hi {{customer.firstName}},\n\nthanks for writing in about {{conversation.subject}}. I'm looking into it now and will get back to you today.\n\nBest,\n{{agent.firstName}}"),
        ("Refund issued", "Hi {{customer.firstName}},\n\nI've refunded the charge. It usually shows on your statement within 5-10 business days.\n\nBest,\n{{agent.firstName}}"),
    ];

    public async Task SeedAsync(IReadOnlyDictionary<string, string> team, string notedCustomer, CancellationToken cancellationToken)
    {
        await SavedRepliesAsync(cancellationToken);
        await CustomerNotesAsync(notedCustomer, cancellationToken);
        var scheduleId = await ScheduleAsync([team[firstAdminEmail], team.Single(t => t.Key.StartsWith("sam@", StringComparison.OrdinalIgnoreCase)).Value], cancellationToken);
        await PolicyAsync(scheduleId, team[firstAdminEmail], cancellationToken);
        await new DemoKnowledgeBase(api, firstAdminEmail).SeedAsync(cancellationToken);
        await new DemoStatusPage(api, time).SeedAsync(cancellationToken);
    }

    private async Task SavedRepliesAsync(CancellationToken cancellationToken)
    {
        var (_, existing) = await api.AsAgentAsync(firstAdminEmail, HttpMethod.Get, "/api/saved-replies", cancellationToken: cancellationToken);
        var names = existing.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToHashSet();
        foreach (var (name, body) in SavedReplies.Where(r => !names.Contains(r.Name)))
        {
            await api.AsAgentAsync(firstAdminEmail, HttpMethod.Post, "/api/saved-replies", new { name, body }, cancellationToken: cancellationToken);
        }
    }

    private async Task CustomerNotesAsync(string email, CancellationToken cancellationToken)
    {
        var path = $"/api/customers/{Uri.EscapeDataString(email)}";
        var (_, customer) = await api.AdminAsync(HttpMethod.Get, path, cancellationToken: cancellationToken);
        if (customer.GetProperty("notes").ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            await api.AsAgentAsync(firstAdminEmail, HttpMethod.Put, path + "/notes", new { text = CustomerNotes }, cancellationToken: cancellationToken);
        }
    }

    private async Task<string> ScheduleAsync(string[] participants, CancellationToken cancellationToken)
    {
        var (_, schedules) = await api.AdminAsync(HttpMethod.Get, "/api/oncall/schedules", cancellationToken: cancellationToken);
        if (schedules.GetProperty("items").EnumerateArray().FirstOrDefault(s => s.GetProperty("name").GetString() == ScheduleName) is { ValueKind: not System.Text.Json.JsonValueKind.Undefined } found)
        {
            return found.GetProperty("id").GetString()!;
        }
        var startDate = time.GetUtcNow().AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (_, created) = await api.AdminAsync(HttpMethod.Post, "/api/oncall/schedules", new
        {
            name = ScheduleName,
            timeZoneId = "Europe/Berlin",
            layers = new[]
            {
                new { name = "Weekly", participants, shiftLength = new { unit = "days", count = 7 }, handOffTime = "09:00", startDate },
            },
        }, cancellationToken);
        return created.GetProperty("id").GetString()!;
    }

    private async Task PolicyAsync(string scheduleId, string adminId, CancellationToken cancellationToken)
    {
        var path = $"/api/oncall/policies/{Uri.EscapeDataString(supportMailbox)}";
        var (status, _) = await api.AdminAsync(HttpMethod.Get, path, cancellationToken: cancellationToken, allowed: HttpStatusCode.NotFound);
        if (status == HttpStatusCode.NotFound)
        {
            await api.AdminAsync(HttpMethod.Put, path, new
            {
                targetFirstResponse = SupportTarget.ToString("c", CultureInfo.InvariantCulture),
                levels = new object[]
                {
                    new { escalateAfter = "00:15:00", scheduleId, agentIds = Array.Empty<string>() },
                    new { escalateAfter = "00:30:00", scheduleId = (string?)null, agentIds = new[] { adminId } },
                },
                repeat = 1,
                afterHours = "page",
            }, cancellationToken);
        }
    }
}
