using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DigestPreviewTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_digest_page_shows_the_weeks_numbers_and_the_top_feature_requests()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml");
        var id = (await agent.Mail.SingleConversationAsync()).Str("id");
        var tagged = await agent.Host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{id}/feature-requests")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey) },
            Content = JsonContent.Create(new { feature = "Dark mode" }),
        });
        Assert.True(tagged.IsSuccessStatusCode);
        await agent.SignInAsync();

        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "Weekly digest" }).ClickAsync();

        await Expect(agent.Page.GetByRole(AriaRole.Heading, new() { Name = "Weekly digest", Level = 1 })).ToBeVisibleAsync();
        var figures = agent.Page.GetByRole(AriaRole.Table, new() { Name = "The week's numbers" });
        await Expect(figures.GetByRole(AriaRole.Row, new() { Name = "Conversations opened" })).ToBeVisibleAsync();
        await Expect(figures.GetByRole(AriaRole.Row, new() { Name = "Net Promoter Score" })).ToContainTextAsync("–");
        await Expect(agent.Page.GetByRole(AriaRole.Region, new() { Name = "Top feature requests" })).ToContainTextAsync("Dark mode: 1 customer");
        await Expect(agent.Page.GetByRole(AriaRole.Region, new() { Name = "Searches that found nothing" })).ToContainTextAsync("None this week.");
    }
}
