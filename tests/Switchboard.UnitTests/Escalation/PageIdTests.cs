using Microsoft.Extensions.Options;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Escalation;

namespace Switchboard.UnitTests.Escalation;

/// <summary>The page id comes from the claims it sends: a page taken over after a crash is the same page, with the same links.</summary>
public sealed class PageIdTests
{
    private static readonly DateTimeOffset Claimed = new(2026, 3, 2, 9, 10, 31, TimeSpan.Zero);

    private static readonly PageLinks Links = new(Options.Create(new AuthOptions
    {
        SigningKey = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray()), PublicUrl = "https://help.example.com",
    }));

    [Fact]
    public void The_same_claims_give_the_same_page_and_the_same_acknowledge_link_in_any_order()
    {
        var first = PageLinks.PageIdFor("ada@acme.test", [("c1", 0, Claimed), ("c2", 3, Claimed.AddSeconds(2))]);
        var again = PageLinks.PageIdFor("Ada@Acme.test", [("c2", 3, Claimed.AddSeconds(2)), ("c1", 0, Claimed)]);

        Assert.Equal(first, again);
        Assert.Equal(Links.AcknowledgeUrl(first), Links.AcknowledgeUrl(again));
        Assert.Equal(first, Links.Verify(Links.AcknowledgeUrl(first).Split('/')[^1]));
    }

    [Fact]
    public void Another_person_step_conversation_or_claim_is_another_page()
    {
        var page = PageLinks.PageIdFor("ada@acme.test", [("c1", 0, Claimed)]);

        Assert.NotEqual(page, PageLinks.PageIdFor("carol@acme.test", [("c1", 0, Claimed)]));
        Assert.NotEqual(page, PageLinks.PageIdFor("ada@acme.test", [("c1", 1, Claimed)]));
        Assert.NotEqual(page, PageLinks.PageIdFor("ada@acme.test", [("c2", 0, Claimed)]));
        Assert.NotEqual(page, PageLinks.PageIdFor("ada@acme.test", [("c1", 0, Claimed.AddTicks(1))]));
        Assert.NotEqual(page, PageLinks.PageIdFor("ada@acme.test", [("c1", 0, Claimed), ("c2", 0, Claimed)]));
    }
}
