namespace Switchboard.LocalHost.Demo;

/// <summary>
/// The demo's small knowledge base: a few published articles in two categories and one draft, each created only when
/// missing (by title), then the public site published (under /kb/) even when every article existed already. The first
/// time, readers' votes, a comment and searches that found nothing, so the agent app's reader feedback has something to show.
/// </summary>
public sealed class DemoKnowledgeBase(DemoApi api, string firstAdminEmail)
{
    private static readonly (string Title, string Category, string Status, string Summary, string Body)[] Articles =
    [
        ("Reset your password", "Account", "published", "Forgot it? Get a reset link in a minute.",
            "## Steps\n\n1. Open the sign-in page and choose **Forgot password**.\n2. Enter the address you signed up with.\n3. Follow the link in the email within 30 minutes.\n\nNo email after five minutes? Check your spam folder, then [contact us](../contact/)."),
        ("Change the email on your account", "Account", "published", "Move your account to a new address.",
            "Go to **Settings → Profile**, enter the new address and confirm the link we send to it. Until you confirm, the old address keeps working."),
        ("When will my refund arrive?", "Billing", "published", "Refunds take 5-10 business days to show.",
            "We refund to the card you paid with. Most banks show it within **5-10 business days**.\n\n| Payment | Typical time |\n|---|---|\n| Card | 5-10 days |\n| PayPal | 1-3 days |"),
        ("Download your invoices", "Billing", "published", "Every invoice as a PDF.",
            "- [x] Open **Billing → Invoices**\n- [x] Choose the month\n- [ ] Need a different company name on it? Write to us before the invoice date."),
        ("Tablet app: sync troubleshooting", "Account", "draft", "Still being written.",
            "Draft: steps for tablets one app version behind."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var (_, existing) = await api.AsAgentAsync(firstAdminEmail, HttpMethod.Get, "/api/kb/articles", cancellationToken: cancellationToken);
        var titles = existing.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToHashSet();
        var firstTime = titles.Count == 0;
        foreach (var (title, category, status, summary, body) in Articles.Where(a => !titles.Contains(a.Title)))
        {
            await api.AsAgentAsync(firstAdminEmail, HttpMethod.Post, "/api/kb/articles", new { title, category, status, summary, body }, cancellationToken: cancellationToken);
        }
        await api.AsAgentAsync(firstAdminEmail, HttpMethod.Post, "/api/kb/site/publish", cancellationToken: cancellationToken);
        if (firstTime)
        {
            await SeedReadersAsync(cancellationToken);
        }
    }

    private async Task SeedReadersAsync(CancellationToken cancellationToken)
    {
        await api.PublicAsync("/api/public/kb/reset-your-password/feedback", new { helpful = true }, cancellationToken);
        await api.PublicAsync("/api/public/kb/reset-your-password/feedback", new { helpful = true }, cancellationToken);
        await api.PublicAsync("/api/public/kb/when-will-my-refund-arrive/feedback",
            new { helpful = false, comment = "It has been 12 days and nothing yet. Who do I ask?" }, cancellationToken);
        foreach (var query in (string[])["cancel subscription", "two factor", "cancel subscription"])
        {
            await api.PublicAsync("/api/public/kb/search-misses", new { query }, cancellationToken);
        }
    }
}
