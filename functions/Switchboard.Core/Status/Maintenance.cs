namespace Switchboard.Core.Status;

/// <summary>
/// Planned work in a window. It is announced when scheduled (it must start at least <see cref="MinimumNotice"/> later,
/// so subscribers hear of it ahead), starts at <see cref="StartsAt"/> (its components go under maintenance) and
/// completes at <see cref="EndsAt"/> (they return to operational). Starting or completing twice changes nothing, so a
/// timer and a safety sweep may both try.
/// </summary>
public sealed record Maintenance(
    string Id, string Title, string Message, IReadOnlyList<string> ComponentIds,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, MaintenanceStatus Status, DateTimeOffset ScheduledAt)
{
    public const int MaxTitleLength = 200;
    public const int MaxMessageLength = 5_000;
    public static readonly TimeSpan MinimumNotice = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(7);

    public static Maintenance Schedule(string id, string title, string message, IReadOnlyList<string> componentIds,
        DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        if (startsAt < now + MinimumNotice)
        {
            throw new StatusRuleException($"Maintenance must be scheduled at least {MinimumNotice.TotalMinutes:0} minutes ahead, so subscribers hear of it first.");
        }
        if (endsAt <= startsAt || endsAt - startsAt > LongestWindow)
        {
            throw new StatusRuleException($"A maintenance window ends after it starts and lasts at most {LongestWindow.TotalDays:0} days.");
        }
        return new(id, title, message, componentIds.Distinct().ToList(), startsAt, endsAt, MaintenanceStatus.Scheduled, now);
    }

    /// <summary>The stage the window should be in at <paramref name="now"/>; it never moves backwards, nor out of cancelled.</summary>
    public MaintenanceStatus DueStatus(DateTimeOffset now) =>
        Status == MaintenanceStatus.Cancelled ? MaintenanceStatus.Cancelled
        : Status == MaintenanceStatus.Completed || now >= EndsAt ? MaintenanceStatus.Completed
        : now >= StartsAt ? MaintenanceStatus.InProgress
        : MaintenanceStatus.Scheduled;

    /// <summary>
    /// Calls off a window that has not started (its components were never put under maintenance, so none change);
    /// its queued start then finds nothing to do. One in progress or over cannot be cancelled.
    /// </summary>
    public Maintenance Cancel() => Status == MaintenanceStatus.Scheduled
        ? this with { Status = MaintenanceStatus.Cancelled }
        : throw new StatusRuleException("Only a window that has not started can be cancelled.");

    /// <summary>
    /// Moves the window to its due stage; null when it is already there. The changes put the components under
    /// maintenance on start and back to operational on completion.
    /// </summary>
    public (Maintenance Next, IReadOnlyList<ComponentChange> Changes)? Advance(DateTimeOffset now)
    {
        var due = DueStatus(now);
        if (due == Status)
        {
            return null;
        }
        var state = due == MaintenanceStatus.InProgress ? ComponentState.UnderMaintenance : ComponentState.Operational;
        return (this with { Status = due }, ComponentIds.Select(id => new ComponentChange(id, state)).ToList());
    }
}
