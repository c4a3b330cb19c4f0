using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Handlers.Mail;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Events;
using Switchboard.Storage.Replies;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// <c>POST /api/events/sendgrid</c>: SendGrid's Signed Event Webhook. Verifies the ECDSA signature and the timestamp's
/// age (401 otherwise), then applies each event to the outbound message named by its custom args, never moving it
/// backwards (<see cref="DeliveryProgress"/>), once per <c>sg_event_id</c>. Events for messages we do not know are
/// ignored: 200 either way, since SendGrid retries anything else.
/// </summary>
public sealed class ReceiveDeliveryEvents(
    IOptions<SendGridOptions> options,
    ConversationStore conversations,
    DeliveryEventStore seen,
    EventQueue events,
    TimeProvider time,
    ILogger<ReceiveDeliveryEvents> logger)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    private const int MaxStateWrites = 10;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (options.Value.EventWebhookPublicKey is not { Length: > 0 } key)
        {
            return Problems.Unauthorized("Delivery events are refused until SendGrid:EventWebhookPublicKey holds the Signed Event Webhook's verification key.");
        }
        if (await RequestBody.ReadBoundedAsync(request, MaxBytes, cancellationToken) is not { } body)
        {
            return Problems.TooLarge($"Event posts are limited to {MaxBytes / (1024 * 1024)} MB.");
        }
        if (SendGridSignature.RejectUnlessSigned(request, body, key, time.GetUtcNow(), options.Value.EventWebhookMaxAge) is { } unsigned)
        {
            return unsigned;
        }
        List<JsonElement> posted;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Problems.BadRequest("The body must be a JSON array of events.", "body");
            }
            posted = document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }
        catch (JsonException)
        {
            return Problems.BadRequest("The body is not JSON.", "body");
        }

        var applied = 0;
        foreach (var item in posted.Where(e => e.ValueKind == JsonValueKind.Object))
        {
            if (await ApplyAsync(item, cancellationToken))
            {
                applied++;
            }
        }
        return Results.Ok(new DeliveryEventsReceived(posted.Count, applied));
    }

    private async Task<bool> ApplyAsync(JsonElement item, CancellationToken cancellationToken)
    {
        var state = DeliveryProgress.FromSendGrid(Text(item, "event"));
        var conversationId = Text(item, OutboundMailComposer.ConversationArg);
        var messageId = Text(item, OutboundMailComposer.MessageArg);
        var eventId = Text(item, "sg_event_id");
        if (state is null || eventId is not { Length: > 0 and <= 200 }
            || conversationId is null || !ConversationIds.IsConversationId(conversationId)
            || messageId is null || !ConversationIds.IsMessageId(messageId))
        {
            return false;
        }
        if (await seen.SeenAsync(conversationId, messageId, eventId, cancellationToken))
        {
            return false;
        }
        var occurredAt = item.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var seconds) && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : time.GetUtcNow();
        var detail = Detail(item, state);
        var moved = await AdvanceAsync(conversationId, messageId, state, detail, cancellationToken);
        if (moved is { } message && state is DeliveryStates.Bounced or DeliveryStates.Dropped)
        {
            await events.PublishAsync(new DomainEvent(
                DeliveryEventStore.RowKeyFor(messageId, eventId), DomainEventTypes.DeliveryFailed, occurredAt, conversationId, messageId,
                message.FromEmail, null, Automatic: false, Flags: [state]), cancellationToken);
        }
        await seen.RecordAsync(new DeliveryEventEntity
        {
            PartitionKey = conversationId,
            RowKey = DeliveryEventStore.RowKeyFor(messageId, eventId),
            EventId = eventId,
            Event = Text(item, "event")!,
            Detail = detail,
            OccurredAt = occurredAt,
            Applied = moved is not null,
        }, cancellationToken);
        return moved is not null;
    }

    /// <summary>The message after moving it to <paramref name="state"/>; null when unknown, not ours, or already further along.</summary>
    private async Task<MessageEntity?> AdvanceAsync(string conversationId, string messageId, string state, string? detail, CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxStateWrites; i++)
        {
            var message = await conversations.GetMessageAsync(conversationId, messageId, cancellationToken);
            if (message is null || message.Direction != "outbound" || message.DeliveryState is null)
            {
                logger.LogInformation("Delivery event for unknown message {MessageId} of {ConversationId} ignored.", messageId, conversationId);
                return null;
            }
            if (!DeliveryProgress.Advances(message.DeliveryState, state))
            {
                return null;
            }
            (message.DeliveryState, message.DeliveryDetail) = (state, detail);
            if (await conversations.TryReplaceMessageAsync(message, cancellationToken))
            {
                return message;
            }
        }
        throw new InvalidOperationException($"Message {messageId} kept changing while applying a delivery event.");
    }

    private static string? Detail(JsonElement item, string state)
    {
        var reason = Text(item, "reason") ?? Text(item, "response");
        var text = state switch
        {
            DeliveryStates.Sent => "Processed by SendGrid.",
            DeliveryStates.Deferred => $"Deferred by the receiving server{(Text(item, "attempt") is { } attempt ? $" (attempt {attempt})" : "")}: {reason ?? "no reason given"}",
            DeliveryStates.Delivered => reason is null ? "Delivered." : $"Delivered: {reason}",
            DeliveryStates.Bounced => $"Bounced{(Text(item, "type") is { } type ? $" ({type})" : "")}: {reason ?? "no reason given"}",
            DeliveryStates.Dropped => $"Dropped by SendGrid: {reason ?? "no reason given"}",
            DeliveryStates.Opened => "Opened by the recipient.",
            _ => reason,
        };
        return text is { Length: > 1000 } ? text[..1000] + "…" : text;
    }

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}

public sealed record DeliveryEventsReceived(int Received, int Applied);
