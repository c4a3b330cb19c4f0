using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.KnowledgeBase;

public sealed class ArticleApiTests
{
    private static Task<HttpResponseMessage> SendAsync(TestHost host, HttpMethod method, string path, object? body = null, string? ifMatch = null) =>
        KbClient.SendAsync(host, method, path, body, ifMatch);

    private static Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected) => KbClient.JsonAsync(response, expected);

    private static Task<HttpResponseMessage> CreateAsync(TestHost host, string title, string body = "Text.", string? category = null) =>
        SendAsync(host, HttpMethod.Post, "/api/kb/articles", new { title, body, category });

    [Fact]
    public async Task An_agent_writes_a_draft_edits_it_and_publishes_it()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var createdResponse = await CreateAsync(host, "Reset your password", "## Steps\n\nOpen **Settings**.", "Account");
        var created = await JsonAsync(createdResponse, HttpStatusCode.Created);
        var id = created.Str("id");
        var edited = await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/kb/articles/{id}",
            new { body = "## Steps\n\nOpen **Settings**, then Security.", summary = "Forgot it? Reset it." }, createdResponse.Headers.ETag!.Tag), HttpStatusCode.OK);
        var published = await JsonAsync(await SendAsync(host, HttpMethod.Post, $"/api/kb/articles/{id}/publish"), HttpStatusCode.OK);
        var drafts = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/kb/articles?status=draft"), HttpStatusCode.OK);
        var found = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/kb/articles?q=password&category=account"), HttpStatusCode.OK);

        Assert.Equal(("reset-your-password", "draft", 1), (created.Str("slug"), created.Str("status"), created.GetProperty("version").GetInt32()));
        Assert.Contains("<h2 id=\"steps\">Steps</h2>", created.Str("html"));
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
        Assert.Equal("Forgot it? Reset it.", edited.Str("summary"));
        Assert.Equal("Reset your password", edited.Str("title"));
        Assert.Equal(("published", 3), (published.Str("status"), published.GetProperty("version").GetInt32()));
        Assert.Empty(drafts.GetProperty("items").EnumerateArray());
        Assert.Equal(id, Assert.Single(found.GetProperty("items").EnumerateArray()).Str("id"));
        Assert.Equal(["Account"], found.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_save_with_a_stale_ETag_is_a_409_showing_what_the_teammate_changed()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var created = await CreateAsync(host, "Refunds", "Refunds take 5 days.\nContact us.");
        var etag = created.Headers.ETag!.Tag;
        var id = (await JsonAsync(created, HttpStatusCode.Created)).Str("id");
        await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/kb/articles/{id}", new { body = "Refunds take 3 days.\nContact us." }, etag), HttpStatusCode.OK);

        var stale = await SendAsync(host, HttpMethod.Put, $"/api/kb/articles/{id}", new { body = "Refunds take a week.\nContact us." }, etag);
        var missingIfMatch = await SendAsync(host, HttpMethod.Put, $"/api/kb/articles/{id}", new { body = "x" });
        var now = await JsonAsync(await SendAsync(host, HttpMethod.Get, $"/api/kb/articles/{id}"), HttpStatusCode.OK);

        var problem = await JsonAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("\"v2\"", problem.Str("etag"));
        Assert.Contains(problem.GetProperty("changes").EnumerateArray(), l => l.Str("kind") == "added" && l.Str("text") == "Refunds take 3 days.");
        Assert.Equal(["body"], problem.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(HttpStatusCode.PreconditionRequired, missingIfMatch.StatusCode);
        Assert.Equal("Refunds take 3 days.\nContact us.", now.Str("body"));
    }

    [Fact]
    public async Task Restoring_an_old_revision_saves_its_text_as_a_new_revision()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var created = await JsonAsync(await CreateAsync(host, "Shipping", "Ships in 2 days."), HttpStatusCode.Created);
        var id = created.Str("id");
        await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/kb/articles/{id}", new { title = "Shipping times", body = "Ships in 10 days." }, "\"v1\""), HttpStatusCode.OK);

        var diff = await JsonAsync(await SendAsync(host, HttpMethod.Get, $"/api/kb/articles/{id}/diff?from=1&to=2"), HttpStatusCode.OK);
        var restored = await JsonAsync(await SendAsync(host, HttpMethod.Post, $"/api/kb/articles/{id}/revisions/1/restore", ifMatch: "\"v2\""), HttpStatusCode.OK);
        var revisions = await JsonAsync(await SendAsync(host, HttpMethod.Get, $"/api/kb/articles/{id}/revisions"), HttpStatusCode.OK);

        Assert.Equal(["title", "body"], diff.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(("Shipping", "Ships in 2 days.", 3), (restored.Str("title"), restored.Str("body"), restored.GetProperty("version").GetInt32()));
        var items = revisions.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([3, 2, 1], items.Select(r => r.GetProperty("version").GetInt32()));
        Assert.Equal(1, items[0].GetProperty("restoredFrom").GetInt32());
        Assert.Equal("Ships in 10 days.", items[1].Str("body"));
    }

    [Fact]
    public async Task Slugs_are_unique_and_a_changed_slug_stays_reserved_for_its_article()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var first = await JsonAsync(await CreateAsync(host, "Billing FAQ"), HttpStatusCode.Created);
        var second = await JsonAsync(await CreateAsync(host, "Billing FAQ"), HttpStatusCode.Created);
        var id = first.Str("id");

        var renamed = await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/kb/articles/{id}", new { slug = "billing" }, "\"v1\""), HttpStatusCode.OK);
        var takeOld = await SendAsync(host, HttpMethod.Put, $"/api/kb/articles/{second.Str("id")}", new { slug = "billing-faq" }, "\"v1\"");
        var back = await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/kb/articles/{id}", new { slug = "billing-faq" }, "\"v2\""), HttpStatusCode.OK);

        Assert.Equal(("billing-faq", "billing-faq-2"), (first.Str("slug"), second.Str("slug")));
        Assert.Equal("billing", renamed.Str("slug"));
        Assert.Equal("slug", (await JsonAsync(takeOld, HttpStatusCode.Conflict)).Str("field"));
        Assert.Equal("billing-faq", back.Str("slug"));
    }

    [Theory]
    [InlineData("{\"body\":\"x\"}", "title")]
    [InlineData("{\"title\":\"T\",\"body\":\"x\",\"status\":\"live\"}", "status")]
    [InlineData("{\"title\":\"T\",\"body\":\"x\",\"slug\":\"Not A Slug\"}", "slug")]
    [InlineData("{\"title\":\"T\"}", "body")]
    public async Task Bad_articles_are_a_400_naming_the_field(string json, string field)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/kb/articles") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);

        var problem = await JsonAsync(await host.Client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal(field, problem.Str("field"));
    }

    [Fact]
    public async Task The_preview_renders_sanitized_html_and_anonymous_callers_get_nothing()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var preview = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/kb/preview", new { body = "**hi**<script>alert(1)</script>" }), HttpStatusCode.OK);
        var anonymous = await host.Client.GetAsync("/api/kb/articles");

        Assert.Equal("<p><strong>hi</strong></p>", preview.Str("html").Trim());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_uploaded_image_comes_back_as_markdown_and_is_served_to_agents()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        var upload = new HttpRequestMessage(HttpMethod.Post, "/api/kb/files?name=my screenshot.png") { Content = new ByteArrayContent(png) };
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);
        var html = new HttpRequestMessage(HttpMethod.Post, "/api/kb/files?name=x.html") { Content = new StringContent("<script></script>", System.Text.Encoding.UTF8, "text/html") };
        html.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);

        var file = await JsonAsync(await host.Client.SendAsync(upload), HttpStatusCode.Created);
        var served = await SendAsync(host, HttpMethod.Get, file.Str("url"));
        var refused = await host.Client.SendAsync(html);

        Assert.Equal($"![my-screenshot.png]({file.Str("url")})", file.Str("markdown"));
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
    }
}
