using System.Text.Json;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Events;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// <c>PATCH /api/conversations/{id}</c> {status?, snoozedUntil?, assigneeId?, tags?}: what the header toolbar changes.
/// Absent fields stay as they are; <c>assigneeId: null</c> unassigns. Snoozing needs a future <c>snoozedUntil</c> (at most
/// a year ahead) and leaves a wake-up row for <see cref="WakeSnoozedConversations"/>; closing sets ClosedAt. A head-only
/// change (the version, and so a composer's ETag, stays).
/// </summary>
public sealed class UpdateConversation(
    ConversationUpdater updater, Teammates team, WakeupStore wakeups, SnoozeAlarm snoozeAlarm, EventQueue events, TimeProvider time)
{
    public async Task<IResult> HandleAsync(string id, ConversationChange body, CancellationToken cancellationToken = default)
    {
        ConversationStatus? status = null;
        if (body.Status is not null)
        {
            if (!ConversationStatuses.TryParse(body.Status, out var parsed))
            {
                return Problems.BadRequest("status must be one of open, pending, snoozed, closed.", "status");
            }
            status = parsed;
        }
        var now = time.GetUtcNow();
        var wakeAt = status == ConversationStatus.Snoozed && body.SnoozedUntil is { } until ? Conversation.SnoozeTime(until, now) : null;
        if (status == ConversationStatus.Snoozed && wakeAt is null)
        {
            return Problems.BadRequest("Snoozing needs snoozedUntil: a date-time in the future, at most a year ahead.", "snoozedUntil");
        }
        if (body.SnoozedUntil is not null && status != ConversationStatus.Snoozed)
        {
            return Problems.BadRequest("snoozedUntil goes with status snoozed.", "snoozedUntil");
        }
        var assign = body.AssigneeId.ValueKind != JsonValueKind.Undefined;
        string? assigneeId = null;
        if (assign)
        {
            if (body.AssigneeId.ValueKind is not (JsonValueKind.Null or JsonValueKind.String))
            {
                return Problems.BadRequest("assigneeId must be an agent id, or null to unassign.", "assigneeId");
            }
            assigneeId = body.AssigneeId.GetString();
            if (assigneeId is not null && await team.ActiveAsync(assigneeId, cancellationToken) is null)
            {
                return Problems.BadRequest($"assigneeId '{assigneeId}' is not an active agent.", "assigneeId");
            }
        }
        IReadOnlyList<string>? tags = null;
        if (body.Tags is not null)
        {
            var (normalized, problem) = ConversationTags.Normalize(body.Tags);
            if (problem is not null)
            {
                return Problems.BadRequest("tags: " + problem, "tags");
            }
            tags = normalized;
        }

        if (wakeAt is not null)
        {
            // Before the head: a crash in between leaves a wake-up the timer finds stale, never a snooze without one.
            await snoozeAlarm.SetAsync(id, wakeAt.Value, cancellationToken);
        }
        DateTimeOffset? previousWake = null;
        ConversationStatus? previousStatus = null;
        var update = await updater.UpdateAsync(id, conversation =>
        {
            previousWake = conversation.SnoozedUntil;
            previousStatus = conversation.Status;
            if (status is { } next)
            {
                conversation.ChangeStatus(next, body.SnoozedUntil, now);
            }
            if (assign)
            {
                conversation.Assign(assigneeId);
            }
            if (tags is not null)
            {
                conversation.Retag(tags);
            }
            return ConversationEdit.HeadOnly;
        }, cancellationToken);
        if (update is null)
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }
        var head = update.Conversation;
        if (previousWake is { } old && old != head.SnoozedUntil)
        {
            await wakeups.RemoveAsync(old, id, cancellationToken);
        }
        if (status is not null && previousStatus != head.Status)
        {
            // Closed, reopened: what resolution time and the backlog are counted from.
            await events.PublishAsync(new DomainEvent($"{head.Id}-status-{now.UtcTicks}", DomainEventTypes.StatusChanged, now, head.Id, null,
                head.Mailbox, head.CustomerEmail, Automatic: false, Flags: [head.Status.ToWire()]), cancellationToken);
        }
        return Results.Ok(ConversationState.Of(head));
    }
}

/// <param name="AssigneeId">A JSON element so that absent (leave) and null (unassign) differ.</param>
public sealed record ConversationChange(string? Status, DateTimeOffset? SnoozedUntil, JsonElement AssigneeId, IReadOnlyList<string?>? Tags);

/// <summary>The toolbar's fields of a conversation after a change.</summary>
public sealed record ConversationState(
    string Id, string Status, DateTimeOffset? SnoozedUntil, DateTimeOffset? ClosedAt, string? AssigneeId, IReadOnlyList<string> Tags, int Version)
{
    public static ConversationState Of(Conversation conversation) => new(
        conversation.Id, conversation.Status.ToWire(), conversation.SnoozedUntil, conversation.ClosedAt, conversation.AssigneeId,
        conversation.Tags, conversation.Version);
}
