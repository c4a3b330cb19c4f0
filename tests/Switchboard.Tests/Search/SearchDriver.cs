using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Search;

/// <summary>Asks <c>GET /api/search</c> as an agent (the bootstrap key) and reads the answer.</summary>
public sealed class SearchDriver(TestHost host)
{
    public async Task<HttpResponseMessage> SearchRawAsync(string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);
        return await host.Client.SendAsync(request);
    }

    public async Task<JsonElement> SearchAsync(string q, int? limit = null, string? continuationToken = null)
    {
        var query = "q=" + Uri.EscapeDataString(q) + (limit is null ? "" : $"&limit={limit}")
            + (continuationToken is null ? "" : "&continuationToken=" + Uri.EscapeDataString(continuationToken));
        var response = await SearchRawAsync(query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The subjects found, in the order the API gave them.</summary>
    public async Task<string[]> SubjectsAsync(string q) =>
        [.. (await SearchAsync(q)).GetProperty("items").EnumerateArray().Select(i => i.Str("subject"))];
}
