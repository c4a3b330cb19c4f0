using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Admin;

namespace Switchboard.Functions.Admin;

public sealed class AdminFunctions(ReplayPoisonMessages replayPoisonMessages)
{
    [Function(nameof(ReplayPoisonMessages))]
    public Task<IResult> ReplayPoisonMessages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/queues/{queue}/replay")] HttpRequest request,
        string queue, CancellationToken cancellationToken) =>
        replayPoisonMessages.HandleAsync(request, queue, cancellationToken);
}
