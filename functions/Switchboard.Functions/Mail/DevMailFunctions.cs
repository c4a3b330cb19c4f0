using Switchboard.Handlers.Mail;

namespace Switchboard.Functions.Mail;

public sealed class DevMailFunctions(DevMailAccess access, ListDevMail listDevMail, GetDevMail getDevMail)
{
    [Function(nameof(ListDevMail))]
    [Api("Dev mail view", "Mail kept by the mail sink, newest first. Only while Mail:Sender is sink; signed-in agents, or anyone on the local host's loopback.", typeof(DevMailList), Problems = [401, 404])]
    public Task<IResult> ListDevMail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dev/mail")] HttpRequest request,
        CancellationToken cancellationToken) =>
        access.RunAsync(request, () => listDevMail.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(GetDevMail))]
    [Api("Dev mail view", "One message of the mail sink.", typeof(DevMailMessage), Problems = [401, 404])]
    public Task<IResult> GetDevMail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dev/mail/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        access.RunAsync(request, () => getDevMail.HandleAsync(id, cancellationToken), cancellationToken);
}
