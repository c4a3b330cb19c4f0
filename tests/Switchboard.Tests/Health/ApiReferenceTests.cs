using System.Net;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Health;

public sealed class ApiReferenceTests
{
    [Fact]
    public async Task OpenAPI_document_describes_every_api_route()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var document = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/health", paths);
        Assert.Contains("/api/inbound/sendgrid", paths);
        Assert.Contains("/api/inbound/mime", paths);
        Assert.Contains("/api/conversations", paths);
        Assert.Contains("/api/conversations/{id}", paths);
        Assert.Contains("/api/queues/{queue}/replay", paths);
    }

    [Fact]
    public async Task Unknown_api_route_is_a_404_problem_not_the_web_app()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await host.Client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
