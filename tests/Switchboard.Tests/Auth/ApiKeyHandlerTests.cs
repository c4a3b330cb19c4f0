using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Auth;

/// <summary>API key handlers called directly with the caller and typed input, no HttpRequest; the key is then used over HTTP.</summary>
public sealed class ApiKeyHandlerTests
{
    [Fact]
    public async Task A_created_key_acts_with_its_role_until_it_is_revoked()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var admin = new Agent("a0", AgentRoles.Admin, TestHost.FirstAdminEmail, "Alice", Agent.ViaSession);

        var created = Assert.IsType<Created<CreatedApiKey>>(
            await host.Services.GetRequiredService<CreateApiKey>().HandleAsync(admin, new ApiKeyRequest(" CI export ", AgentRoles.Trainee)));
        var before = await MeAsync(host, created.Value!.Key);
        var revoked = await host.Services.GetRequiredService<RevokeApiKey>().HandleAsync(created.Value.Id);
        var after = await MeAsync(host, created.Value.Key);

        Assert.Equal(("CI export", AgentRoles.Trainee), (created.Value.Name, created.Value.Role));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("\"role\":\"trainee\"", await before.Content.ReadAsStringAsync());
        Assert.Equal(StatusCodes.Status204NoContent, Assert.IsAssignableFrom<IStatusCodeHttpResult>(revoked).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private static Task<HttpResponseMessage> MeAsync(TestHost host, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return host.Client.SendAsync(request);
    }
}
