using Switchboard.Handlers.Mail;
using Switchboard.Storage.Phone;

namespace Switchboard.Handlers.Phone;

/// <summary>
/// <c>GET /api/dev/phone</c>: the texts and calls the phone sink recorded, newest first (at most 50). Only while
/// <c>Twilio:Sender</c> is sink (404 otherwise); who may read it is decided as for the dev mail view.
/// </summary>
public sealed class ListDevPhone(PhoneSinkStore sink, IOptions<TwilioOptions> options, DevMailAccess access)
{
    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (!options.Value.UsesSink)
        {
            return Task.FromResult(Problems.NotFound("The dev phone view exists only while texts and calls go to the phone sink (Twilio:Sender = sink)."));
        }
        return access.RunAsync(request, async () =>
        {
            var items = await sink.ListAsync(50, cancellationToken);
            return Results.Ok(new DevPhoneList([.. items.Select(i => new DevPhoneItem(i.RowKey, i.Kind, i.To, i.From, i.Body, i.SentAt))]));
        }, cancellationToken, requireMailSink: false);
    }
}

/// <summary>Queue <c>page-notifications</c>: one notification-rule step of a page.</summary>
public sealed class RunPageNotification(PageNotifier notifier)
{
    public Task HandleAsync(string message, CancellationToken cancellationToken = default) =>
        notifier.RunAsync(QueueMessages.Read<PageNotificationStep>(message, Core.QueueNames.PageNotifications, Storage.JsonDefaults.Options), cancellationToken);
}
