using Switchboard.Handlers.Admin;

namespace Switchboard.Functions.Admin;

public sealed class AdminFunctions(AgentApi api, ReplayPoisonMessages replayPoisonMessages)
{
    [Function(nameof(ReplayPoisonMessages))]
    [Api("Admin", "Moves the messages of {queue}-poison back onto {queue}. Admins only.", typeof(ReplayResult), Problems = [401, 403, 404])]
    public Task<IResult> ReplayPoisonMessages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/queues/{queue}/replay")] HttpRequest request,
        string queue, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.Admin, _ => replayPoisonMessages.HandleAsync(queue, cancellationToken), cancellationToken);
}
