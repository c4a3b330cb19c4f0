using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Conversations;
using Switchboard.Storage.Conversations;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Search;

public sealed class SearchTests
{
    private static readonly TestEmail Invoice = new("Ana Pereira <ana.pereira@example.com>", "support@acme.test", "Invoice 2291 is wrong",
        "Hello, the VAT on my last invoice is charged twice. Could you send a corrected one?");
    private static readonly TestEmail Export = new("Tom Becker <tom@becker.example>", "support@acme.test", "Export to spreadsheet",
        "The CSV export stops at 1000 rows. Is there a limit on exports?");
    private static readonly TestEmail Password = new("Greta Lind <greta@lind.example>", "support@acme.test", "Can't sign in",
        "I reset my password twice and the link says expired. Also my invoice address changed.");

    private static Task<(TestHost Host, InboundDriver Mail, SearchDriver Search)> StartWithAsync(params TestEmail[] emails) =>
        StartWithAsync(fakeTime: true, emails);

    private static async Task<(TestHost Host, InboundDriver Mail, SearchDriver Search)> StartWithAsync(bool fakeTime, params TestEmail[] emails)
    {
        var host = await TestHost.StartAsync(queuePump: false, fakeTime: fakeTime);
        var mail = new InboundDriver(host);
        foreach (var email in emails)
        {
            Assert.True((await mail.PostMimeAsync(email.ToBytes())).IsSuccessStatusCode);
            await mail.ProcessQueuedAsync();
            host.Time?.Advance(TimeSpan.FromMinutes(5)); // each conversation created a little later than the one before
        }
        return (host, mail, new SearchDriver(host));
    }

    [Fact]
    public async Task A_word_in_a_message_body_finds_its_conversation()
    {
        var (host, _, search) = await StartWithAsync(Invoice, Export, Password);
        await using var _ = host;

        Assert.Equal(["Export to spreadsheet"], await search.SubjectsAsync("rows"));
        Assert.Equal(["Can't sign in"], await search.SubjectsAsync("PASSWORD"));
    }

    [Fact]
    public async Task A_word_in_the_subject_finds_its_conversation_with_a_summary()
    {
        var (host, _, search) = await StartWithAsync(Invoice, Export);
        await using var _ = host;

        var item = Assert.Single((await search.SearchAsync("spreadsheet")).GetProperty("items").EnumerateArray());

        Assert.Equal("Export to spreadsheet", item.Str("subject"));
        Assert.Equal("open", item.Str("status"));
        Assert.Equal("tom@becker.example", item.GetProperty("customer").Str("email"));
        Assert.Equal(1, item.GetProperty("messageCount").GetInt32());
    }

    [Fact]
    public async Task The_customers_address_or_name_finds_their_conversations()
    {
        var (host, _, search) = await StartWithAsync(Invoice, Export, Password);
        await using var _ = host;

        Assert.Equal(["Invoice 2291 is wrong"], await search.SubjectsAsync("ana.pereira@example.com"));
        Assert.Equal(["Invoice 2291 is wrong"], await search.SubjectsAsync("Pereira"));
        Assert.Equal(["Can't sign in"], await search.SubjectsAsync("greta@lind.example"));
    }

    [Fact]
    public async Task Every_word_of_a_query_must_match_and_newest_conversations_come_first()
    {
        var (host, _, search) = await StartWithAsync(Invoice, Export, Password);
        await using var _ = host;

        Assert.Equal(["Can't sign in", "Invoice 2291 is wrong"], await search.SubjectsAsync("invoice"));
        Assert.Equal(["Invoice 2291 is wrong"], await search.SubjectsAsync("invoice VAT"));
        Assert.Equal(["Can't sign in"], await search.SubjectsAsync("the invoice address"));
        Assert.Empty(await search.SubjectsAsync("invoice spreadsheet"));
    }

    [Fact]
    public async Task Accents_and_case_do_not_matter()
    {
        var crème = new TestEmail("Zoé Dubois <zoe@dubois.example>", "support@acme.test", "Commande crème brûlée", "Où est ma commande ?");
        var (host, _, search) = await StartWithAsync(crème);
        await using var _ = host;

        Assert.Equal(["Commande crème brûlée"], await search.SubjectsAsync("CREME brulee"));
        Assert.Equal(["Commande crème brûlée"], await search.SubjectsAsync("zoe"));
    }

    [Fact]
    public async Task Results_page_with_a_continuation_token_until_there_are_no_more()
    {
        var emails = Enumerable.Range(1, 5)
            .Select(i => new TestEmail($"Customer {i} <c{i}@example.com>", "support@acme.test", $"Refund request {i}", "Please refund my order."))
            .ToArray();
        var (host, _, search) = await StartWithAsync(emails);
        await using var _ = host;

        var subjects = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await search.SearchAsync("refund order", limit: 2, continuationToken: token);
            subjects.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.Str("subject")));
            token = page.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(["Refund request 5", "Refund request 4", "Refund request 3", "Refund request 2", "Refund request 1"], subjects);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task A_redelivered_message_is_found_once()
    {
        var (host, mail, search) = await StartWithAsync(Export);
        await using var _ = host;

        Assert.True((await mail.PostMimeAsync(Export.ToBytes())).IsSuccessStatusCode);
        await mail.ProcessQueuedAsync();

        var found = await search.SearchAsync("export");
        Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Null(found.GetProperty("continuationToken").GetString());
    }

    [Fact]
    public async Task A_reply_in_the_conversation_makes_its_words_searchable()
    {
        // The real clock: the conversation's creation time read back from storage must give the same index key.
        var (host, mail, search) = await StartWithAsync(fakeTime: false, Export);
        await using var _ = host;
        var reply = new TestEmail("Tom Becker <tom@becker.example>", "support@acme.test", "Re: Export to spreadsheet", "Found a workaround with pagination.")
        {
            InReplyTo = Export.MessageId,
        };

        Assert.True((await mail.PostMimeAsync(reply.ToBytes())).IsSuccessStatusCode);
        await mail.ProcessQueuedAsync();

        Assert.Equal(["Export to spreadsheet"], await search.SubjectsAsync("pagination workaround"));
    }

    [Fact]
    public async Task A_team_note_is_searchable()
    {
        var (host, mail, search) = await StartWithAsync(Export);
        await using var _ = host;
        var id = (await mail.SingleConversationAsync()).Str("id");
        var updater = host.Services.GetRequiredService<ConversationUpdater>();

        await updater.UpdateAsync(id, conversation =>
        {
            conversation.AddNote(conversation.LastActivityAt);
            return ConversationEdit.Add(new MessageEntity
            {
                RowKey = "m" + new string('a', 23),
                Kind = MessageKinds.Note,
                Direction = "outbound",
                AuthorAgentId = "ada",
                Text = "Known bug BUG-4411, fixed in the next release.",
                VisibleText = "Known bug BUG-4411, fixed in the next release.",
                SentAt = conversation.LastActivityAt,
                ReceivedAt = conversation.LastActivityAt,
            });
        });

        Assert.Equal(["Export to spreadsheet"], await search.SubjectsAsync("bug-4411"));
    }

    [Theory]
    [InlineData("q=", "q")]
    [InlineData("q=the+of", "q")]
    [InlineData("q=invoice&limit=0", "limit")]
    [InlineData("q=invoice&limit=51", "limit")]
    [InlineData("q=invoice&continuationToken=abc", "continuationToken")]
    public async Task A_bad_query_is_400_naming_the_field(string query, string field)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await new SearchDriver(host).SearchRawAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("field"));
    }

    [Fact]
    public async Task Searching_needs_an_agent()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await host.Client.GetAsync("/api/search?q=invoice");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
