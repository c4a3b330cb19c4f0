using Microsoft.Azure.Functions.Worker.Middleware;
using Switchboard.Handlers.Security;

namespace Switchboard.Functions.Security;

/// <summary>
/// Sends <see cref="SecurityHeaders"/> on every HTTP function's response, as the local host's middleware does. Queue
/// and timer invocations have no HTTP context and pass straight through.
/// </summary>
public sealed class SecurityHeadersMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http)
        {
            SecurityHeaders.Apply(http);
        }
        return next(context);
    }
}
