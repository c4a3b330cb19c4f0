using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Conversations;

public sealed class StatusAndAssignmentTests
{
    [Fact]
    public async Task Closing_moves_the_conversation_from_open_to_closed_and_reopening_brings_it_back()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync();

        var closed = await toolkit.PatchAsync(id, new { status = "closed" });

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var state = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("closed", state.Str("status"));
        Assert.Equal(host.Time!.GetUtcNow(), state.GetProperty("closedAt").GetDateTimeOffset());
        Assert.DoesNotContain(id, await toolkit.IdsAsync("?status=open"));
        Assert.Contains(id, await toolkit.IdsAsync("?status=closed"));

        var reopened = await (await toolkit.PatchAsync(id, new { status = "open" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("closedAt").ValueKind);
        Assert.Contains(id, await toolkit.IdsAsync("?status=open"));
        Assert.DoesNotContain(id, await toolkit.IdsAsync("?status=closed"));
    }

    [Fact]
    public async Task Status_change_keeps_the_version_a_composer_holds()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync();
        var before = (await toolkit.Mail.ConversationAsync(id)).GetProperty("version").GetInt32();

        await toolkit.PatchAsync(id, new { status = "pending", tags = new[] { "billing" } });

        Assert.Equal(before, (await toolkit.Mail.ConversationAsync(id)).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("""{"status":"archived"}""", "status")]
    [InlineData("""{"status":"snoozed"}""", "snoozedUntil")]
    [InlineData("""{"status":"snoozed","snoozedUntil":"2020-01-01T00:00:00Z"}""", "snoozedUntil")]
    [InlineData("""{"status":"snoozed","snoozedUntil":"next tuesday"}""", "snoozedUntil")]
    [InlineData("""{"snoozedUntil":"2030-01-01T00:00:00Z"}""", "snoozedUntil")]
    [InlineData("""{"assigneeId":"a0000000000000000"}""", "assigneeId")]
    [InlineData("""{"assigneeId":42}""", "assigneeId")]
    [InlineData("""{"tags":["this-tag-is-far-too-long-to-be-a-useful-tag"]}""", "tags")]
    [InlineData("""{"tags":["no/slashes"]}""", "tags")]
    [InlineData("""{"tags":[""]}""", "tags")]
    public async Task Bad_change_is_400_naming_the_field(string json, string field)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync();

        var response = await toolkit.PatchAsync(id, JsonDocument.Parse(json).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, await response.FieldAsync());
        Assert.Equal("open", (await toolkit.Mail.ConversationAsync(id)).Str("status"));
    }

    [Fact]
    public async Task Too_many_tags_are_refused()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync();

        var response = await toolkit.PatchAsync(id, new { tags = Enumerable.Range(1, 21).Select(i => $"tag{i}") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("tags", await response.FieldAsync());
    }

    [Theory]
    [InlineData("c0123456789abcdef0123456")]
    [InlineData("nope")]
    public async Task Changing_an_unknown_conversation_is_404(string id)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await new ToolkitDriver(host).PatchAsync(id, new { status = "closed" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Tags_are_stored_lower_case_without_duplicates_and_listed_with_the_conversation()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync();

        var response = await toolkit.PatchAsync(id, new { tags = new[] { " Billing ", "VIP", "billing", "Needs Reply" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string[] expected = ["billing", "vip", "needs-reply"];
        Assert.Equal(expected, (await toolkit.Mail.ConversationAsync(id)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(expected, (await toolkit.ItemAsync("", id)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Assigning_moves_the_conversation_from_unassigned_to_mine_and_unassigning_moves_it_back()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync();
        var other = await toolkit.NewConversationAsync("Another question");
        var me = await toolkit.FirstAdminIdAsync();
        Assert.Contains(id, await toolkit.IdsAsync("?view=unassigned"));
        Assert.Empty(await toolkit.IdsAsync("?view=mine"));

        Assert.Equal(HttpStatusCode.OK, (await toolkit.PatchAsync(id, new { assigneeId = me })).StatusCode);

        Assert.Equal([id], await toolkit.IdsAsync("?view=mine"));
        Assert.Equal([other], await toolkit.IdsAsync("?view=unassigned"));
        Assert.Equal(me, (await toolkit.ItemAsync("?view=all", id)).Str("assigneeId"));
        Assert.Equal([id], await toolkit.IdsAsync("?view=mine&mailbox=support@acme.test"));
        Assert.Empty(await toolkit.IdsAsync("?view=mine&mailbox=billing@acme.test"));

        await toolkit.PatchAsync(id, new { status = "closed" });
        Assert.Empty(await toolkit.IdsAsync("?view=mine"));
        Assert.Equal([id], await toolkit.IdsAsync("?view=mine&status=closed"));

        await toolkit.PatchAsync(id, new { assigneeId = (string?)null });
        Assert.Empty(await toolkit.IdsAsync("?view=mine&status=closed"));
        Assert.Equal([id], await toolkit.IdsAsync("?view=unassigned&status=closed"));
    }

    [Fact]
    public async Task Unknown_view_is_400_naming_the_field()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await new InboundDriver(host).GetAsync("/api/conversations?view=theirs");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("view", await response.FieldAsync());
    }

    [Fact]
    public async Task Assignees_lists_active_agents_and_who_the_caller_is()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var me = await new ToolkitDriver(host).FirstAdminIdAsync();

        var list = await (await new InboundDriver(host).GetAsync("/api/assignees")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(me, list.Str("me"));
        var admin = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(TestHost.FirstAdminEmail, admin.Str("email"));
        Assert.Contains("admin", admin.GetProperty("handles").EnumerateArray().Select(h => h.GetString()));
    }
}
