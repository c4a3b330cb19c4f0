using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Search;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;

namespace Switchboard.Tests.Search;

/// <summary>SearchConversations called with a typed query, without an HTTP request.</summary>
public sealed class SearchHandlerTests
{
    [Fact]
    public async Task Every_word_of_the_query_must_match()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await new ReplyDriver(host).StartConversationAsync("Printer jams");
        var search = host.Services.GetRequiredService<SearchConversations>();

        var found = (await search.HandleAsync(new SearchQuery(["printer", "jams"], 20, null))).Value<SearchResults>();
        var none = (await search.HandleAsync(new SearchQuery(["printer", "invoice"], 20, null))).Value<SearchResults>();

        Assert.Equal(id, Assert.Single(found.Items).Id);
        Assert.Empty(none.Items);
    }
}
