using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;

namespace Switchboard.Handlers.Hosting;

/// <summary>Who may call an agent endpoint.</summary>
public enum Callers
{
    /// <summary>Any signed-in agent or API key, trainees included.</summary>
    AnyAgent,

    /// <summary>Agents and admins; a trainee gets 403 (their replies go through drafts).</summary>
    NotTrainee,

    /// <summary>Admins only.</summary>
    Admin,
}

/// <summary>
/// The steps every agent endpoint takes before its own logic, done here once: who is calling (401; 403 for a browser
/// change without its CSRF header), whether their role may (403), whether the route's id could name anything (404),
/// and the request's input (a JSON body, or an <see cref="IRequestInput{TSelf}"/> that reads headers and query; 400,
/// 413, 415). Every <c>[Function]</c> method calls it, so the Functions host and the local host run the same steps,
/// and handlers take the caller and typed input: they hold only their feature's logic and run without an HttpRequest.
/// </summary>
public sealed class AgentApi(AgentAuthenticator auth)
{
    public async Task<IResult> RunAsync(
        HttpRequest request, Callers callers, Func<Agent, Task<IResult>> handle, CancellationToken cancellationToken, RouteId? id = null)
    {
        var (agent, rejection) = await AdmitAsync(request, callers, id, cancellationToken);
        return agent is null ? rejection! : await handle(agent);
    }

    /// <summary>As <see cref="RunAsync"/>, with a JSON body of type <typeparamref name="TBody"/>.</summary>
    public async Task<IResult> RunAsync<TBody>(
        HttpRequest request, Callers callers, Func<Agent, TBody, Task<IResult>> handle, CancellationToken cancellationToken,
        RouteId? id = null, long maxBodyBytes = JsonBody.MaxBytes)
        where TBody : class
    {
        var (agent, rejection) = await AdmitAsync(request, callers, id, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var (body, invalid) = await JsonBody.ReadAsync<TBody>(request, cancellationToken, maxBytes: maxBodyBytes);
        return body is null ? invalid! : await handle(agent, body);
    }

    /// <summary>As <see cref="RunAsync"/>, with input that reads itself from the request (query, headers, body).</summary>
    public async Task<IResult> RunBoundAsync<TInput>(
        HttpRequest request, Callers callers, Func<Agent, TInput, Task<IResult>> handle, CancellationToken cancellationToken, RouteId? id = null)
        where TInput : IRequestInput<TInput>
    {
        var (agent, rejection) = await AdmitAsync(request, callers, id, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var (input, invalid) = await TInput.BindAsync(request, cancellationToken);
        return input is null ? invalid! : await handle(agent, input);
    }

    private async Task<Authentication> AdmitAsync(HttpRequest request, Callers callers, RouteId? id, CancellationToken cancellationToken)
    {
        var authentication = await auth.AuthenticateAsync(request, cancellationToken);
        if (authentication.Agent is not { } agent)
        {
            return authentication;
        }
        if (callers == Callers.Admin && !agent.IsAdmin)
        {
            return new(null, Problems.Forbidden("Only admins may do this."));
        }
        if (callers == Callers.NotTrainee && agent.Role == AgentRoles.Trainee)
        {
            return new(null, Problems.Forbidden("Trainees may not do this; ask an agent or an admin."));
        }
        if (id is { IsValid: false } invalid)
        {
            return new(null, Problems.NotFound($"There is no {invalid.Names} '{invalid.Value}'."));
        }
        return authentication;
    }
}

/// <summary>
/// A route's id and whether it has the shape of one (so a malformed id is a 404 before any storage read, and never
/// reaches a partition or row key). <paramref name="Names"/> is what it names, for the message: "conversation".
/// </summary>
public readonly record struct RouteId(string Value, bool IsValid, string Names)
{
    public static RouteId Of(string value, string names, Func<string, bool> isValid) => new(value, isValid(value), names);
}

/// <summary>Request input that reads itself (query, headers, a body), answering the 4xx to send when it cannot.</summary>
public interface IRequestInput<TSelf>
    where TSelf : IRequestInput<TSelf>
{
    static abstract ValueTask<(TSelf? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken);
}
