using Switchboard.Core.Outreach;

namespace Switchboard.UnitTests.Outreach;

public sealed class OutreachTemplateTests
{
    [Fact]
    public void Placeholders_are_filled_with_first_name_summaries_time_and_count()
    {
        var template = new OutreachTemplate("About {summary}", "Hi {name}, on {date} at {time} UTC {summary} ({count} times).");
        var text = template.Render("Ann Smith", ["your export failed", "an invoice did not render"], new DateTimeOffset(2026, 3, 2, 11, 5, 0, TimeSpan.FromHours(1)), 3);
        Assert.Equal("About your export failed; an invoice did not render", text.Subject);
        Assert.Equal("Hi Ann, on 2026-03-02 at 10:05 UTC your export failed; an invoice did not render (3 times).", text.Body);
    }

    [Fact]
    public void Without_a_name_the_customer_is_greeted_as_there()
    {
        Assert.StartsWith("Hi there,", OutreachTemplate.Default.Render(null, ["x"], DateTimeOffset.UnixEpoch, 1).Body);
    }

    [Fact]
    public void Unknown_placeholders_empty_parts_and_multi_line_subjects_are_refused()
    {
        Assert.Empty(OutreachTemplate.Default.Validate());
        var problems = new OutreachTemplate("Line one\nline two {nmae}", "").Validate();
        Assert.Contains(problems, p => p.Field == "subject" && p.Message.Contains("{nmae}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "subject" && p.Message.Contains("one line", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "body");
    }

    [Fact]
    public void Storm_windows_are_fixed_and_shared_by_every_moment_in_them()
    {
        var window = TimeSpan.FromHours(1);
        var start = OutreachLimits.WindowStart(new DateTimeOffset(2026, 3, 2, 9, 59, 59, TimeSpan.Zero), window);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(start, OutreachLimits.WindowStart(new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.FromHours(1)), window));
        Assert.Equal(start + window, OutreachLimits.WindowStart(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), window));
    }
}
