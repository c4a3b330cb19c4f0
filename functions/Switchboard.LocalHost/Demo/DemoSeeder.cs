using System.Net;

namespace Switchboard.LocalHost.Demo;

/// <summary>
/// Seeds a living demo workspace through the host's own HTTP API: two teammates, twelve conversations delivered by the
/// inbound webhook, and the team's work on them (replies, notes with a mention, a call, tags, assignments, a snoozed
/// and a closed conversation), then saved replies, customer notes and on-call (<see cref="DemoSetup"/>), Sam's phone paging and an outreach draft (<see cref="DemoOutreach"/>). Running it
/// again adds nothing: mail that is already in its conversation is not posted again, and every other step checks first.
/// </summary>
public sealed class DemoSeeder(DemoApi api, string firstAdminEmail, IReadOnlyList<string> mailboxes, TimeProvider time)
{
    private const string LastMail = "14-jonas-sync-3";

    public string Domain => firstAdminEmail[(firstAdminEmail.IndexOf('@') + 1)..];
    public string Sam => "sam@" + Domain;
    public string Mia => "mia@" + Domain;

    public async Task<DemoSummary> SeedAsync(CancellationToken cancellationToken = default)
    {
        var team = await EnsureTeamAsync(cancellationToken);
        var mail = DemoMail.Load(time.GetUtcNow());
        var work = new DemoConversations(api);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in mail.Names.Where(n => n != LastMail))
        {
            ids[name] = await DeliverAsync(mail, work, name, cancellationToken);
        }

        await WorkAsync(work, ids, team, cancellationToken);
        ids[LastMail] = await DeliverAsync(mail, work, LastMail, cancellationToken);

        await new DemoSetup(api, firstAdminEmail, mailboxes[0], time).SeedAsync(team, mail.CustomerEmail("01-jonas-sync"), cancellationToken);
        await new DemoOutreach(api).SeedAsync(team[Sam], mail.CustomerEmail("01-jonas-sync"), cancellationToken);
        return new DemoSummary(ids.Values.Distinct().Count(), team.Count);
    }

    /// <summary>The first admin, Sam (agent) and Mia (trainee), all active; returns their ids by address.</summary>
    private async Task<Dictionary<string, string>> EnsureTeamAsync(CancellationToken cancellationToken)
    {
        (string Email, string Name, string Role)[] wanted = [(Sam, "Sam Rivera", "agent"), (Mia, "Mia Chen", "trainee")];
        foreach (var (email, name, role) in wanted)
        {
            await api.AdminAsync(HttpMethod.Post, "/api/agents/invitations", new { email, name, role }, cancellationToken, HttpStatusCode.Conflict);
        }
        var (_, agents) = await api.AdminAsync(HttpMethod.Get, "/api/agents", cancellationToken: cancellationToken);
        var team = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var agent in agents.GetProperty("items").EnumerateArray())
        {
            var email = agent.GetProperty("email").GetString()!;
            if (email.Equals(firstAdminEmail, StringComparison.OrdinalIgnoreCase) || wanted.Any(w => w.Email.Equals(email, StringComparison.OrdinalIgnoreCase)))
            {
                team[email] = agent.GetProperty("id").GetString()!;
                if (agent.GetProperty("status").GetString() == "invited")
                {
                    // Following the sign-in link makes an invited teammate active, as it would for a person.
                    await api.AsAgentAsync(email, HttpMethod.Get, "/api/auth/me", cancellationToken: cancellationToken);
                }
            }
        }
        return team;
    }

    private async Task<string> DeliverAsync(DemoMail mail, DemoConversations work, string name, CancellationToken cancellationToken)
    {
        var (customer, messageId) = (mail.CustomerEmail(name), mail.MessageId(name));
        if (await work.FindAsync(customer, messageId, cancellationToken) is { } existing)
        {
            return existing;
        }
        await api.PostMailAsync(mail.Bytes(name), mail.Mailbox(name, mailboxes), cancellationToken);
        return await work.AwaitAsync(customer, messageId, cancellationToken);
    }

    private async Task WorkAsync(DemoConversations work, Dictionary<string, string> ids, Dictionary<string, string> team, CancellationToken cancellationToken)
    {
        var admin = firstAdminEmail;
        var c = cancellationToken;
        var jonas = ids["01-jonas-sync"];
        await work.PatchAsync(admin, jonas, new { assigneeId = team[Sam], tags = new[] { "bug", "sync", "urgent" } }, c);
        await work.NoteAsync(Mia, jonas, "Three tablets stopped syncing right after 4.2. @sam is this the cache issue from last week?", c);
        await work.ReplyAsync(Sam, jonas, "jonas-1",
            "Hallo Jonas,\n\ndanke für die Details. Bitte melden Sie sich in der App einmal ab, leeren Sie unter Einstellungen > Speicher den Cache und melden Sie sich wieder an. Das behebt den Fehler aus 4.2 bei den meisten Geräten.\n\nViele Grüße\nSam", "pending", c);

        var ana = ids["02-ana-faturas"];
        await work.PatchAsync(admin, ana, new { assigneeId = team[admin], tags = new[] { "billing", "export" } }, c);

        var priya = ids["03-priya-dashboard"];
        await work.PatchAsync(admin, priya, new { tags = new[] { "reporting", "vip" } }, c);
        await work.NoteAsync(admin, priya, "Dashboard includes refunded orders, the export doesn't. @sam can you confirm before I answer?", c);

        var tom = ids["04-tom-export"];
        await work.PatchAsync(admin, tom, new { assigneeId = team[Sam], tags = new[] { "data" } }, c);
        await work.ReplyAsync(Sam, tom, "tom-1",
            "Hi Tom,\n\nthanks for the file. I've merged Lena Vogt's two records (1057 and 1093); the next export will list her once. You can merge duplicates yourself under Customers > select both > Merge.\n\nBest,\nSam", "closed", c);

        await work.PatchAsync(admin, ids["05-marie-absence"], new { status = "closed", tags = new[] { "auto-reply" } }, c);

        var lucia = ids["06-lucia-plan"];
        await work.PatchAsync(admin, lucia, new { assigneeId = team[admin], tags = new[] { "billing", "upgrade" } }, c);
        await work.ReplyAsync(admin, lucia, "lucia-1",
            "Hola Lucía:\n\nSí, puedes cambiar al plan Equipo cuando quieras desde Ajustes > Facturación. Solo te cobraremos la parte proporcional de los días que quedan de marzo.\n\n¡Mucha suerte con el nuevo local!", "pending", c);

        await work.PatchAsync(admin, ids["07-kenji-dark-mode"], new { assigneeId = team[Mia], tags = new[] { "feature-request", "mobile" } }, c);

        var olivia = ids["08-olivia-reset"];
        await work.PatchAsync(admin, olivia, new { assigneeId = team[admin], tags = new[] { "login" } }, c);
        await work.ReplyAsync(admin, olivia, "olivia-1",
            "Hi Olivia,\n\nyour mail provider opens links to scan them, which used up the reset link. I've sent you a fresh one that stays valid for an hour; please copy it into the browser.\n\nSorry for the trouble!", "closed", c);

        var ahmed = ids["09-ahmed-charge"];
        await work.PatchAsync(admin, ahmed, new { tags = new[] { "billing", "refund" } }, c);
        await work.NoteAsync(admin, ahmed, "Refund of $49.00 issued in Stripe; it takes 5-10 days to show. Snoozed until it should have arrived.", c);
        await work.PatchAsync(admin, ahmed, new { status = "snoozed", snoozedUntil = time.GetUtcNow().AddDays(3) }, c);

        var sophie = ids["10-sophie-invite"];
        await work.PatchAsync(admin, sophie, new { assigneeId = team[admin], tags = new[] { "seats" } }, c);
        await work.CallAsync(admin, sophie, "sophie-call", "Called Sophie. A pending invitation from January still held the fifth seat; revoked it and Paul's invitation went through.", 12, c);
        await work.NoteAsync(admin, sophie, "Old invitations keep holding seats. @sam @mia watch out for this one, it's the third case this month.", c);

        await work.PatchAsync(admin, ids["11-lars-api"], new { assigneeId = team[Sam], tags = new[] { "api" } }, c);
        await work.PatchAsync(admin, ids["12-grace-thanks"], new { status = "closed", tags = new[] { "feedback" } }, c);
    }
}

/// <summary>What the demo holds after seeding.</summary>
public sealed record DemoSummary(int Conversations, int Agents);
