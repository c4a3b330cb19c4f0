using System.Net;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;
using static Switchboard.Tests.KnowledgeBase.KbClient;

namespace Switchboard.Tests.KnowledgeBase;

/// <summary>From a conversation to the knowledge base, and back: a reply becomes a draft; a published article gets a link to insert.</summary>
public sealed class ArticleFromConversationTests
{
    [Fact]
    public async Task A_sent_reply_becomes_a_draft_article_without_the_quoted_mail_or_signature()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var replies = new ReplyDriver(host);
        var conversationId = await replies.StartConversationAsync("Re: Printer jams on every page");
        var reply = await replies.ReplyAcceptedAsync(conversationId, new
        {
            text = "Open the back tray and pull the roller lever.\n\nThen print a test page.\n\n-- \nSam, Acme support\n\n" +
                   "On Mon, 1 Dec 2026 at 09:00, Dana Customer <dana@example.com> wrote:\n> It jams on every page.",
            statusAfter = "pending",
        });

        var article = await JsonAsync(await SendAsync(host, HttpMethod.Post,
            $"/api/conversations/{conversationId}/messages/{reply.Str("id")}/article"), HttpStatusCode.Created);

        Assert.Equal(("Printer jams on every page", "draft", 1), (article.Str("title"), article.Str("status"), article.GetProperty("version").GetInt32()));
        Assert.Equal("Open the back tray and pull the roller lever.\n\nThen print a test page.", article.Str("body"));
        var drafts = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/kb/articles?status=draft"), HttpStatusCode.OK);
        Assert.Equal(article.Str("id"), Assert.Single(drafts.GetProperty("items").EnumerateArray()).Str("id"));
    }

    [Fact]
    public async Task The_customers_own_message_cannot_become_an_article_and_unknown_messages_are_404()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var replies = new ReplyDriver(host);
        var conversationId = await replies.StartConversationAsync();
        var inbound = (await replies.Mail.ConversationAsync(conversationId)).Messages()[0].Str("id");

        var fromCustomer = await SendAsync(host, HttpMethod.Post, $"/api/conversations/{conversationId}/messages/{inbound}/article");
        var unknown = await SendAsync(host, HttpMethod.Post, $"/api/conversations/{conversationId}/messages/m0000000000000000/article");

        Assert.Equal(HttpStatusCode.BadRequest, fromCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var all = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/kb/articles"), HttpStatusCode.OK);
        Assert.Empty(all.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Only_published_articles_carry_the_public_link_the_composer_inserts()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        await CreateAsync(host, "Reset your password", "Forgot password.", status: "published");
        await CreateAsync(host, "Password rules (draft)", "Twelve letters.", status: "draft");

        var found = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/kb/articles?q=password"), HttpStatusCode.OK);

        var links = found.GetProperty("items").EnumerateArray()
            .ToDictionary(a => a.Str("title"), a => a.GetProperty("publicUrl").ValueKind == JsonValueKind.Null ? null : a.Str("publicUrl"));
        Assert.Equal("/kb/articles/reset-your-password/", links["Reset your password"]);
        Assert.Null(links["Password rules (draft)"]);
    }

    [Fact]
    public async Task A_category_can_be_created_before_any_article_and_goes_last()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        await CreateAsync(host, "Invoices", "Billing.", category: "Billing", status: "draft");

        var created = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/kb/categories", new { name = " Getting started " }), HttpStatusCode.Created);
        var again = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/kb/categories", new { name = "billing" }), HttpStatusCode.Created);
        var empty = await SendAsync(host, HttpMethod.Post, "/api/kb/categories", new { name = "  " });

        Assert.Equal(["Billing", "Getting started"], created.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["Billing", "Getting started"], again.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }
}
