using System.Net;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using static Switchboard.Tests.Status.StatusApiTests;

namespace Switchboard.Tests.Status;

/// <summary><c>PUT</c> and <c>DELETE /api/status/templates/{id}</c> against Azurite.</summary>
public sealed class StatusTemplateEditTests
{
    [Fact]
    public async Task A_template_is_replaced_then_deleted_and_unknown_ids_or_bad_fields_are_refused()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = (await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/status/templates",
            new { name = "Slow", title = "Slowness", status = "investigating", message = "Looking into it." }), HttpStatusCode.Created)).Str("id");

        var replaced = await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/status/templates/{id}",
            new { name = "Slow", title = "Slowness", status = "identified", message = "Found it." }), HttpStatusCode.OK);
        var problem = await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/status/templates/{id}",
            new { name = "Slow", title = "Slowness", status = "identified", message = "" }), HttpStatusCode.BadRequest);
        await JsonAsync(await SendAsync(host, HttpMethod.Put, "/api/status/templates/tffffffffff",
            new { name = "x", title = "x", status = "identified", message = "x" }), HttpStatusCode.NotFound);

        Assert.Equal(("identified", "Found it."), (replaced.Str("status"), replaced.Str("message")));
        Assert.Equal("message", problem.Str("field"));
        var listed = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/status/templates"), HttpStatusCode.OK);
        Assert.Equal("Found it.", Assert.Single(listed.GetProperty("items").EnumerateArray()).Str("message"));

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(host, HttpMethod.Delete, $"/api/status/templates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(host, HttpMethod.Delete, $"/api/status/templates/{id}")).StatusCode);
        var after = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/status/templates"), HttpStatusCode.OK);
        Assert.Equal(0, after.GetProperty("items").GetArrayLength());
    }
}
