using Switchboard.Handlers.Digest;

namespace Switchboard.UnitTests.Digest;

public sealed class DigestMailTests
{
    private static WeeklyDigest Digest(params DigestComment[] negative) => new(
        "2026-W11", new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15), "[Acme] Weekly digest, 2026-W11",
        [
            new DigestFigure("Conversations opened", "count", 12, 9),
            new DigestFigure("First response (median)", "seconds", 5400, null),
            new DigestFigure("Answered within target", "percent", 87.5, 90),
        ],
        [], negative, [new DigestFeatureRequest("Dark mode", 3, 1)], [], [], ["ana@acme.test"]);

    [Fact]
    public void Figures_read_as_this_week_against_the_week_before()
    {
        var (text, _) = DigestMail.Render(Digest());

        Assert.Contains("Conversations opened: 12 (week before: 9)", text);
        Assert.Contains("First response (median): 1.5 h (week before: –)", text);
        Assert.Contains("Answered within target: 87.5 % (week before: 90 %)", text);
        Assert.Contains("Dark mode: 3 customers, 1 new this week", text);
        Assert.Contains("Searches that found nothing\n- none this week", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_customers_words_are_encoded_in_the_html()
    {
        var (_, html) = DigestMail.Render(Digest(new DigestComment("rating", "Rated not good", "<script>alert(1)</script>", DateTimeOffset.UnixEpoch)));

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }
}
