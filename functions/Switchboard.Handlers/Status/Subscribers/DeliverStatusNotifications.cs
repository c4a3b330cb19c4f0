using Microsoft.Extensions.Logging;
using Switchboard.Core;
using Switchboard.Core.Status;
using Switchboard.Handlers.Mail;
using Switchboard.Storage;
using Switchboard.Storage.Queues;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status.Subscribers;

/// <summary>
/// Queue <c>status-notifications</c>. A <c>fanout</c> message handles one chunk of <see cref="FanOut.ChunkSize"/>
/// subscribers: it first queues the next chunk (once: a <c>chunk|n</c> marker), so a chunk that fails never stops the
/// rest, then tells each confirmed subscriber who wants the event — after adding the (event, subscriber) marker, so a
/// redelivered chunk skips everyone already told. A mail that may go through later gives its marker back and the
/// chunk is retried; webhooks go out as their own <c>webhook</c> messages, retried alone and then poisoned.
/// </summary>
public sealed partial class DeliverStatusNotifications(
    SubscriberStore subscribers, StatusNoticeReader reader, SubscriberMessages messages, IMailSender mail, WebhookPoster webhooks,
    WorkQueue queue, TimeProvider time, ILogger<DeliverStatusNotifications> logger)
{
    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var work = QueueMessages.Read<StatusNotificationWork>(message, QueueNames.StatusNotifications, JsonDefaults.Options, w => w.Type switch
        {
            StatusNotificationWork.FanOut => string.IsNullOrEmpty(w.EventId) ? "eventId" : null,
            StatusNotificationWork.Confirm => string.IsNullOrEmpty(w.SubscriberId) ? "subscriberId" : null,
            StatusNotificationWork.Webhook => string.IsNullOrEmpty(w.EventId) ? "eventId" : string.IsNullOrEmpty(w.SubscriberId) ? "subscriberId" : null,
            _ => "type",
        });
        switch (work.Type)
        {
            case StatusNotificationWork.FanOut:
                await FanOutAsync(work, cancellationToken);
                break;
            case StatusNotificationWork.Confirm:
                await ConfirmAsync(work.SubscriberId!, cancellationToken);
                break;
            default:
                await WebhookAsync(work, cancellationToken);
                break;
        }
    }

    private async Task FanOutAsync(StatusNotificationWork work, CancellationToken cancellationToken)
    {
        var eventId = work.EventId!;
        if (await reader.ReadAsync(work, cancellationToken) is not { } notice)
        {
            return;
        }
        var (page, next) = await subscribers.PageAsync(FanOut.ChunkSize, work.Continuation, cancellationToken);
        if (next is not null && !await subscribers.ChunkQueuedAsync(eventId, work.Chunk + 1, cancellationToken))
        {
            // Queued before it is marked: a crash in between queues it twice, harmlessly (markers), never not at all.
            await queue.SendAsync(QueueNames.StatusNotifications, work with { Chunk = work.Chunk + 1, Continuation = next }, cancellationToken: cancellationToken);
            await subscribers.MarkChunkQueuedAsync(eventId, work.Chunk + 1, cancellationToken);
        }
        var wanted = page.Where(s => s.Wants(notice.ComponentIds)).ToList();
        var claimed = wanted.Count == 0 ? new HashSet<string>() : await subscribers.ClaimedAsync(eventId, wanted[0].Id, wanted[^1].Id, cancellationToken);
        var retry = 0;
        var sent = 0;
        await Parallel.ForEachAsync(wanted.Where(s => !claimed.Contains(s.Id)),
            new ParallelOptions { MaxDegreeOfParallelism = FanOut.Parallelism, CancellationToken = cancellationToken },
            async (subscriber, ct) =>
            {
                if (!await subscribers.TryClaimAsync(eventId, subscriber.Id, ct))
                {
                    return;
                }
                try
                {
                    if (subscriber.Kind == SubscriberKind.Webhook)
                    {
                        await queue.SendAsync(QueueNames.StatusNotifications, new StatusNotificationWork(StatusNotificationWork.Webhook, eventId,
                            work.IncidentId, work.UpdateAt, work.MaintenanceId, work.Stage, SubscriberId: subscriber.Id), cancellationToken: ct);
                    }
                    else
                    {
                        await mail.SendAsync(messages.Notification(notice, subscriber), ct);
                    }
                    Interlocked.Increment(ref sent);
                }
                catch (MailSendFailedException e) when (!e.Transient)
                {
                    LogRefused(eventId, subscriber.Id, e.Message);
                }
                catch (Exception e) when (e is MailSendFailedException or Azure.RequestFailedException)
                {
                    await subscribers.ReleaseAsync(eventId, subscriber.Id, CancellationToken.None);
                    Interlocked.Increment(ref retry);
                }
            });
        LogChunk(eventId, work.Chunk, page.Count, sent);
        if (retry > 0)
        {
            throw new InvalidOperationException($"{retry} notices of {eventId} (chunk {work.Chunk}) could not be sent yet; the chunk is retried for them.");
        }
    }

    private async Task ConfirmAsync(string subscriberId, CancellationToken cancellationToken)
    {
        if (await subscribers.GetAsync(subscriberId, cancellationToken) is not var (subscriber, _)
            || (subscriber.Confirmed && subscriber.PendingComponents is null))
        {
            return;
        }
        if (subscriber.Kind == SubscriberKind.Email)
        {
            await mail.SendAsync(messages.Confirmation(subscriber), cancellationToken);
        }
        else
        {
            await webhooks.PostAsync(subscriber, "confirm-" + subscriber.Id, "subscription.confirm",
                messages.WebhookConfirmation(subscriber, time.GetUtcNow()), cancellationToken);
        }
    }

    private async Task WebhookAsync(StatusNotificationWork work, CancellationToken cancellationToken)
    {
        if (await subscribers.GetAsync(work.SubscriberId!, cancellationToken) is not var (subscriber, _) || !subscriber.Confirmed
            || await reader.ReadAsync(work, cancellationToken) is not { } notice)
        {
            return;
        }
        await webhooks.PostAsync(subscriber, notice.EventId, notice.Type, messages.WebhookBody(notice, subscriber), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Status notice {EventId} chunk {Chunk}: {Count} subscribers read, {Sent} told.")]
    private partial void LogChunk(string eventId, int chunk, int count, int sent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status notice {EventId} to {SubscriberId} was refused: {Detail}.")]
    private partial void LogRefused(string eventId, string subscriberId, string detail);
}
