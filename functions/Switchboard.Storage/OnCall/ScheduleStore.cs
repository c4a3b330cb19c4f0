using System.Text.Json;
using NodaTime;
using Switchboard.Core.OnCall;

namespace Switchboard.Storage.OnCall;

/// <summary>
/// Table <c>OnCallSchedules</c>: every schedule's row in one partition (listing them is one partition query), each
/// schedule's overrides in a partition of their own in start order. (<see cref="CalendarTokenStore"/> keeps the feed
/// tokens in the same table.)
/// docs/storage.md lists the keys.
/// </summary>
public sealed class ScheduleStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.OnCallSchedulesTable);

    public async Task<IReadOnlyList<StoredSchedule>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<StoredSchedule>();
        await foreach (var row in Table.QueryAsync<ScheduleEntity>(e => e.PartitionKey == ScheduleKeys.SchedulesPartition, cancellationToken: cancellationToken))
        {
            result.Add(ToStored(row, []));
        }
        return result;
    }

    /// <summary>Every schedule with its overrides: one query for the schedules, then one per schedule.</summary>
    public async Task<IReadOnlyList<StoredSchedule>> ListWithOverridesAsync(CancellationToken cancellationToken = default)
    {
        var schedules = await ListAsync(cancellationToken);
        var overrides = await Task.WhenAll(schedules.Select(s => OverridesAsync(s.Schedule.Id, cancellationToken)));
        return [.. schedules.Select((s, i) => s with { Schedule = s.Schedule with { Overrides = overrides[i] } })];
    }

    /// <summary>A point read of the schedule and one partition query for its overrides, in start order.</summary>
    public async Task<StoredSchedule?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<ScheduleEntity>(ScheduleKeys.SchedulesPartition, id, cancellationToken: cancellationToken);
        return row.HasValue ? ToStored(row.Value!, await OverridesAsync(id, cancellationToken)) : null;
    }

    public async Task<ETag> AddAsync(OnCallSchedule schedule, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var response = await Table.AddEntityAsync(ToEntity(schedule, now, now), cancellationToken);
        return response.Headers.ETag ?? default;
    }

    /// <summary>Replaces the schedule (not its overrides) if <paramref name="ifMatch"/> still matches; null when it does not.</summary>
    public async Task<ETag?> ReplaceAsync(OnCallSchedule schedule, DateTimeOffset createdAt, ETag ifMatch, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(ToEntity(schedule, createdAt, now), ifMatch, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Deletes the schedule and its overrides; false when there was no such schedule. Its feed token is <see cref="CalendarTokenStore"/>'s.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var overrides = new List<TableTransactionAction>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == ScheduleKeys.OverridesPartition(id), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            overrides.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
        }
        foreach (var chunk in overrides.Chunk(100))
        {
            await Table.SubmitTransactionAsync(chunk, cancellationToken);
        }
        return await DeleteIfExistsAsync(ScheduleKeys.SchedulesPartition, id, cancellationToken);
    }

    public async Task AddOverrideAsync(string scheduleId, ScheduleOverride o, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var start = o.Start.ToDateTimeOffset();
        await Table.AddEntityAsync(new OverrideEntity
        {
            PartitionKey = ScheduleKeys.OverridesPartition(scheduleId),
            RowKey = ScheduleKeys.OverrideRowKey(start, o.Id),
            OverrideId = o.Id,
            AgentId = o.AgentId,
            Start = start,
            End = o.End.ToDateTimeOffset(),
            CreatedAt = now,
        }, cancellationToken);
    }

    /// <summary>False when the schedule has no such override.</summary>
    public async Task<bool> DeleteOverrideAsync(string scheduleId, string overrideId, CancellationToken cancellationToken = default)
    {
        var partition = ScheduleKeys.OverridesPartition(scheduleId);
        await foreach (var row in Table.QueryAsync<OverrideEntity>(e => e.PartitionKey == partition && e.OverrideId == overrideId, cancellationToken: cancellationToken))
        {
            return await DeleteIfExistsAsync(row.PartitionKey, row.RowKey, cancellationToken);
        }
        return false;
    }

    private async Task<IReadOnlyList<ScheduleOverride>> OverridesAsync(string scheduleId, CancellationToken cancellationToken)
    {
        var partition = ScheduleKeys.OverridesPartition(scheduleId);
        var result = new List<ScheduleOverride>();
        await foreach (var row in Table.QueryAsync<OverrideEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            result.Add(new ScheduleOverride(row.OverrideId, row.AgentId, Instant.FromDateTimeOffset(row.Start), Instant.FromDateTimeOffset(row.End)));
        }
        return result;
    }

    private async Task<bool> DeleteIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        // The SDK answers a delete of a missing entity with its 404 response rather than an exception.
        var response = await Table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    private static ScheduleEntity ToEntity(OnCallSchedule schedule, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new()
    {
        RowKey = schedule.Id,
        Name = schedule.Name,
        TimeZoneId = schedule.TimeZoneId,
        Layers = JsonSerializer.Serialize(schedule.Layers, OnCallJson.Options),
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };

    private static StoredSchedule ToStored(ScheduleEntity row, IReadOnlyList<ScheduleOverride> overrides) => new(
        new OnCallSchedule(row.RowKey, row.Name, row.TimeZoneId,
            JsonSerializer.Deserialize<List<RotationLayer>>(row.Layers, OnCallJson.Options) ?? [], overrides),
        row.ETag, row.CreatedAt, row.UpdatedAt);
}

/// <summary>A schedule as stored, with the ETag a replace must match.</summary>
public sealed record StoredSchedule(OnCallSchedule Schedule, ETag ETag, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
