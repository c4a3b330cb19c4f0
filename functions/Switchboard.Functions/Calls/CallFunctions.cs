using Switchboard.Handlers.Calls;
using Switchboard.Handlers.Conversations;

namespace Switchboard.Functions.Calls;

public sealed class CallFunctions(AgentApi api, LogCall logCall)
{
    [Function(nameof(LogCall))]
    [Api("Conversations", "Logs a phone call: recap, direction inbound|outbound, durationMinutes?, emailToCustomer? (sends the recap as your reply; not for trainees).", typeof(CallLogged), Status = 201, Body = typeof(CallRequest), Problems = [400, 401, 403, 404])]
    public Task<IResult> LogCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversations/{id}/calls")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunBoundAsync<CallInput>(request, Callers.AnyAgent,
            (agent, input) => logCall.HandleAsync(agent, id, input, cancellationToken), cancellationToken, ConversationRoute.Id(id));
}
