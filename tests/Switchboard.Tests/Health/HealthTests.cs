using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_ok_when_storage_answers()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("storage").GetProperty("tables").GetString());
        Assert.Equal("ok", body.GetProperty("storage").GetProperty("queues").GetString());
        Assert.Equal("ok", body.GetProperty("storage").GetProperty("blobs").GetString());
    }

    [Fact]
    public async Task Health_is_503_with_the_reason_when_storage_is_unreachable()
    {
        // A port nothing listens on: the host still starts, and says what is wrong.
        await using var host = await TestHost.StartAsync(connectionString: UnreachableStorage.ConnectionString());

        var response = await host.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.NotEqual("ok", body.GetProperty("storage").GetProperty("tables").GetString());
    }
}
