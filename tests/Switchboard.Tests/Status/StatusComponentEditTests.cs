using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Status;
using Switchboard.Storage.Status;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using static Switchboard.Tests.Status.StatusApiTests;

namespace Switchboard.Tests.Status;

/// <summary><c>PUT</c> and <c>DELETE /api/status/components/{id}</c> against Azurite.</summary>
public sealed class StatusComponentEditTests
{
    [Fact]
    public async Task Editing_keeps_what_is_not_given_and_bad_input_names_the_field()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await ComponentAsync(host, "API", "Platform");

        var edited = await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/status/components/{id}",
            new { name = " Public API ", description = "REST and webhooks" }), HttpStatusCode.OK);

        Assert.Equal(("Public API", null, "REST and webhooks", "operational"), (edited.Str("name"), edited.GetProperty("group").GetString(), edited.Str("description"), edited.Str("state")));
        var down = await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/status/components/{id}", new { name = "Public API", state = "major_outage" }), HttpStatusCode.OK);
        Assert.Equal("major_outage", down.Str("state"));
        var published = await JsonAsync(await host.Client.GetAsync("/status/status.json"), HttpStatusCode.OK);
        Assert.Equal("critical", published.GetProperty("status").Str("indicator"));
        var problem = await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/status/components/{id}", new { name = "" }), HttpStatusCode.BadRequest);
        Assert.Equal("name", problem.Str("field"));
        await JsonAsync(await SendAsync(host, HttpMethod.Put, "/api/status/components/cffffffffff", new { name = "x" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_component_removes_its_checks_and_it_leaves_the_public_page()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await ComponentAsync(host, "API", "Platform");
        var kept = await ComponentAsync(host, "Website");
        var checks = host.Services.GetRequiredService<UptimeCheckStore>();
        var now = DateTimeOffset.UtcNow;
        await checks.AddAsync(new UptimeCheck("k0123456789", id, "https://api.example.com/", 1, 200, null, 10, false, null, now), UptimeCheckState.First(now.AddDays(1)));
        await checks.AddAsync(new UptimeCheck("k9876543210", kept, "https://www.example.com/", 1, 200, null, 10, false, null, now), UptimeCheckState.First(now.AddDays(1)));

        var response = await SendAsync(host, HttpMethod.Delete, $"/api/status/components/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["k9876543210"], (await checks.ListAsync()).Select(c => c.Check.Id));
        var published = await JsonAsync(await host.Client.GetAsync("/status/status.json"), HttpStatusCode.OK);
        Assert.Equal(["Website"], published.GetProperty("components").EnumerateArray().Select(c => c.Str("name")));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(host, HttpMethod.Delete, $"/api/status/components/{id}")).StatusCode);
    }
}
