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
    public async Task OpenAPI_document_takes_each_operation_from_its_function_declaration()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var document = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var addNote = document.GetProperty("paths").GetProperty("/api/conversations/{id}/notes").GetProperty("post");

        Assert.Equal("AddNote", addNote.GetProperty("operationId").GetString());
        Assert.StartsWith("Adds an internal note", addNote.GetProperty("summary").GetString());
        Assert.Equal("Conversations", addNote.GetProperty("tags")[0].GetString());
        Assert.Equal("path", addNote.GetProperty("parameters")[0].GetProperty("in").GetString());
        Assert.Equal("#/components/schemas/NoteBody",
            addNote.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/NoteAdded",
            addNote.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(addNote.GetProperty("responses").GetProperty("401").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.False(document.GetProperty("paths").TryGetProperty("/api/{rest}", out _), "the catch-alls are not API operations");
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
