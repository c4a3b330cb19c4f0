using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Drafts;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.FeatureRequests;

public sealed class FeatureRequestApiTests
{
    /// <summary>A new conversation from <paramref name="from"/>; its id (the newest in the inbox).</summary>
    private static async Task<string> ConversationFromAsync(DraftDriver drafts, string from, string subject)
    {
        var before = (await drafts.Replies.Mail.AllConversationsAsync()).Select(c => c.Str("id")).ToHashSet();
        Assert.Equal(HttpStatusCode.Accepted, (await drafts.Replies.Mail.PostMimeAsync(
            new TestEmail(from, "support@acme.test", subject, "Could you add this?").ToBytes())).StatusCode);
        await drafts.Replies.Mail.ProcessQueuedAsync();
        return Assert.Single(await drafts.Replies.Mail.AllConversationsAsync(), c => !before.Contains(c.Str("id"))).Str("id");
    }

    private static async Task<JsonElement> TagAsync(DraftDriver drafts, string id, string feature, string key = TestHost.ApiKey)
    {
        var response = await drafts.SendAsync(HttpMethod.Post, $"/api/conversations/{id}/feature-requests", key, new { feature });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement[]> ListAsync(DraftDriver drafts)
    {
        var response = await drafts.SendAsync(HttpMethod.Get, "/api/feature-requests", TestHost.ApiKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task Requests_for_one_feature_are_counted_per_customer_however_the_name_is_typed()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var drafts = new DraftDriver(host);
        var dana1 = await ConversationFromAsync(drafts, "Dana Customer <dana@example.com>", "Dark mode please");
        var dana2 = await ConversationFromAsync(drafts, "Dana Customer <dana@example.com>", "Still no dark mode?");
        var erin = await ConversationFromAsync(drafts, "Erin Buyer <erin@example.com>", "Night theme");
        var fred = await ConversationFromAsync(drafts, "Fred <fred@example.com>", "Export");

        var tags = await TagAsync(drafts, dana1, "Dark mode");
        await TagAsync(drafts, dana1, "dark  MODE");
        await TagAsync(drafts, dana2, "Dark mode");
        await TagAsync(drafts, erin, "dark-mode!");
        await TagAsync(drafts, fred, "CSV export");

        Assert.Equal("dark-mode", Assert.Single(tags.GetProperty("items").EnumerateArray()).Str("key"));
        var list = await ListAsync(drafts);
        Assert.Equal(["Dark mode", "CSV export"], list.Select(f => f.Str("name")));
        var dark = list[0];
        Assert.Equal(3, dark.GetProperty("requests").GetInt32());
        Assert.Equal(2, dark.GetProperty("customers").GetInt32());
        var dana = dark.GetProperty("askers")[0];
        Assert.Equal("dana@example.com", dana.Str("email"));
        Assert.Equal(2, dana.GetProperty("requests").GetInt32());
        Assert.Equal(new[] { dana1, dana2 }.Order(), dana.GetProperty("conversationIds").EnumerateArray().Select(e => e.GetString()!).Order());
    }

    [Fact]
    public async Task Shipping_drafts_one_personal_email_per_customer_that_waits_for_approval_and_is_not_drafted_twice()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var drafts = new DraftDriver(host);
        var dana1 = await ConversationFromAsync(drafts, "Dana Customer <dana@example.com>", "Dark mode please");
        var dana2 = await ConversationFromAsync(drafts, "Dana Customer <dana@example.com>", "Still no dark mode?");
        var erin = await ConversationFromAsync(drafts, "Erin Buyer <erin@example.com>", "Night theme");
        foreach (var id in new[] { dana1, dana2, erin }) await TagAsync(drafts, id, "Dark mode");
        var tom = await drafts.Replies.ApiKeyAsync("Tom Trainee", "trainee");

        Assert.Equal(HttpStatusCode.Forbidden, (await drafts.SendAsync(HttpMethod.Post, "/api/feature-requests/dark-mode/ship", tom, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await drafts.SendAsync(HttpMethod.Post, "/api/feature-requests/no-such/ship", TestHost.ApiKey, new { })).StatusCode);
        var shipped = await drafts.SendAsync(HttpMethod.Post, "/api/feature-requests/dark-mode/ship", TestHost.ApiKey, new { message = "Find it under Settings." });
        Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
        var body = await shipped.Content.ReadFromJsonAsync<JsonElement>();

        var created = body.GetProperty("drafts").EnumerateArray().ToList();
        Assert.Equal(2, created.Count);
        Assert.Equal(0, await drafts.Replies.QueuedOutboundAsync());
        Assert.Equal(2, (await drafts.ListAsync(TestHost.ApiKey)).Length);
        Assert.Empty(await drafts.OfConversationAsync(dana1));
        var toDana = Assert.Single(await drafts.OfConversationAsync(dana2));
        Assert.Equal("submitted", toDana.Str("state"));
        Assert.StartsWith("Hi Dana,", toDana.Str("text"));
        Assert.Contains("Dark mode", toDana.Str("text"));
        Assert.Contains("Find it under Settings.", toDana.Str("text"));
        Assert.StartsWith("Hi Erin,", Assert.Single(await drafts.OfConversationAsync(erin)).Str("text"));

        var again = await (await drafts.SendAsync(HttpMethod.Post, "/api/feature-requests/dark-mode/ship", TestHost.ApiKey, new { }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(again.GetProperty("drafts").EnumerateArray());
        Assert.Equal(2, (await drafts.ListAsync(TestHost.ApiKey)).Length);
        var feature = Assert.Single(await ListAsync(drafts));
        Assert.True(feature.GetProperty("shippedAt").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task A_blank_feature_is_a_400_naming_the_field_and_an_unknown_conversation_a_404()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var drafts = new DraftDriver(host);
        var id = await drafts.Replies.StartConversationAsync();

        var blank = await drafts.SendAsync(HttpMethod.Post, $"/api/conversations/{id}/feature-requests", TestHost.ApiKey, new { feature = "  " });
        var missing = await drafts.SendAsync(HttpMethod.Post, "/api/conversations/c0000000000000000000000000/feature-requests", TestHost.ApiKey, new { feature = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal("feature", (await blank.Content.ReadFromJsonAsync<JsonElement>()).Str("field"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await ListAsync(drafts));
    }
}
