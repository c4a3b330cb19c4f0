using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Tests.Replies;

/// <summary>
/// SendGrid's v3 Mail Send endpoint on a loopback port: records each request (JSON body and Authorization) and answers
/// from a script, 202 with an X-Message-Id once the script is used up. An HTTP peer, not storage.
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> script = new();

    private FakeSendGrid(WebApplication app) => this.app = app;

    public ConcurrentQueue<(JsonElement Body, string? Authorization)> Requests { get; } = new();

    public string Url => app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    /// <summary>Forgets the requests so far and answers the next ones with <paramref name="statuses"/> (then 202).</summary>
    public void Script(params int[] statuses)
    {
        Requests.Clear();
        script.Clear();
        foreach (var status in statuses) script.Enqueue(status);
    }

    public static async Task<FakeSendGrid> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeSendGrid(app);
        foreach (var status in statuses) fake.script.Enqueue(status);
        app.MapPost("/v3/mail/send", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            fake.Requests.Enqueue((body, request.Headers.Authorization.FirstOrDefault()));
            var status = fake.script.TryDequeue(out var scripted) ? scripted : 202;
            if (status == 202)
            {
                request.HttpContext.Response.Headers["X-Message-Id"] = $"sg-{fake.Requests.Count}";
                return Results.StatusCode(202);
            }
            return Results.Json(new { errors = new[] { new { message = $"scripted {status}", field = (string?)null } } }, statusCode: status);
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
