using Microsoft.AspNetCore.Http;
using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// For tests that call a handler directly, as the Function method does after AgentApi has admitted the caller: the
/// callers to pass, and what a result says (its status and value), read without executing it against an HttpContext.
/// </summary>
public static class HandlerCalls
{
    /// <summary>The caller a request with the bootstrap key becomes (an admin, counted as the first admin).</summary>
    public static Agent BootstrapAdmin { get; } =
        new("bootstrap", AgentRoles.Admin, TestHost.FirstAdminEmail, "Bootstrap key", Agent.ViaBootstrapKey);

    public static int? Status(this IResult result) => (result as IStatusCodeHttpResult)?.StatusCode;

    public static T Value<T>(this IResult result) => Assert.IsType<T>((result as IValueHttpResult)?.Value);
}
