using Switchboard.Core.Inbound;

namespace Switchboard.Tests.Inbound.Parsing;

public class EveryFixtureTests
{
    public static TheoryData<string> Fixtures => InboundFixtures.All();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parsing_never_throws_and_always_gives_an_id(string fixture)
    {
        var mail = InboundFixtures.Parse(fixture);

        Assert.False(string.IsNullOrWhiteSpace(mail.MessageId));
        Assert.DoesNotContain('<', mail.MessageId);
        Assert.NotNull(mail.VisibleText);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Sanitized_html_has_no_script_handlers_or_javascript_urls(string fixture)
    {
        var html = InboundFixtures.Parse(fixture).Html ?? "";

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onload=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Hostile_html_loses_scripts_and_forms_but_keeps_content_and_cid_images()
    {
        var mail = InboundFixtures.Parse("Clients/html-with-script.eml");

        Assert.Contains("Please see the screenshot.", mail.Html);
        Assert.Contains("src=\"cid:shot1@example.com\"", mail.Html);
        Assert.Contains("https://example.com/help", mail.Html);
        Assert.DoesNotContain("<form", mail.Html);
        Assert.DoesNotContain("evil.example", mail.Html);
        Assert.DoesNotContain("alert", mail.Html);
    }

    [Fact]
    public void There_are_enough_fixtures_of_every_kind()
    {
        var all = InboundFixtures.Files();

        Assert.True(all.Count >= 45);
        foreach (var folder in new[] { "Clients/", "Languages/", "Charsets/", "Auto/", "Broken/", "Threads/" })
            Assert.Contains(all, f => f.StartsWith(folder, StringComparison.Ordinal));
        Assert.Equal(MailFlags.None, InboundFixtures.Parse(all.First(f => f.StartsWith("Clients/"))).Flags);
    }
}
