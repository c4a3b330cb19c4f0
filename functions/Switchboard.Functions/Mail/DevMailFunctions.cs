using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Mail;

namespace Switchboard.Functions.Mail;

public sealed class DevMailFunctions(ListDevMail listDevMail, GetDevMail getDevMail)
{
    [Function(nameof(ListDevMail))]
    public Task<IResult> ListDevMail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/mail")] HttpRequest request,
        CancellationToken cancellationToken) =>
        listDevMail.HandleAsync(request, cancellationToken);

    [Function(nameof(GetDevMail))]
    public Task<IResult> GetDevMail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/mail/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        getDevMail.HandleAsync(request, id, cancellationToken);
}
