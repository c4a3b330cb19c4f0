using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Calls;

namespace Switchboard.Functions.Calls;

public sealed class CallFunctions(LogCall logCall)
{
    [Function(nameof(LogCall))]
    public Task<IResult> LogCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "conversations/{id}/calls")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        logCall.HandleAsync(request, id, cancellationToken);
}
