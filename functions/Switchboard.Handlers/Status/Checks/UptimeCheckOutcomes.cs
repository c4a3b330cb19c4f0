using Microsoft.Extensions.Logging;
using Switchboard.Core.Inbound;
using Switchboard.Core.OnCall;
using Switchboard.Core.Status;
using Switchboard.Handlers.Escalation;
using Switchboard.Storage.OnCall;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status.Checks;

/// <summary>
/// What a check going down or coming back does: the component goes to <c>major_outage</c> (through an incident of its
/// own when the check opens incidents) and whoever is on call on the check's schedule is paged through the escalation
/// path's <see cref="PageSender"/> (email, and their page webhook); coming back resolves that incident, or returns the
/// component to operational. Called once per transition: the run that claimed it.
/// </summary>
public sealed partial class UptimeCheckOutcomes(
    StatusStore store, StatusPageChanges changes, ScheduleStore schedules, PageSender pager, Mailboxes mailboxes, TimeProvider time,
    ILogger<UptimeCheckOutcomes> logger)
{
    /// <summary>Applies the transition; returns the incident the check now has open (null when none).</summary>
    public async Task<string?> ApplyAsync(UptimeCheck check, UptimeCheckState state, UptimeTransition transition, string detail,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var component = (await store.ListComponentsAsync(cancellationToken)).FirstOrDefault(c => c.Id == check.ComponentId);
        var name = component?.Name ?? check.ComponentId;
        if (transition == UptimeTransition.WentDown)
        {
            string? incidentId = null;
            var down = new ComponentChange(check.ComponentId, ComponentState.MajorOutage);
            if (check.OpenIncident)
            {
                var incident = Incident.Open(StatusStore.NewIncidentId(now), $"{name} is not responding", IncidentImpact.Major,
                    IncidentStatus.Investigating, $"Our automatic check of {name} is failing ({detail}). We are investigating.", [down], notify: true, now);
                await store.SaveIncidentAsync(incident, incident.Updates[0], etag: null, cancellationToken);
                await changes.IncidentChangedAsync(incident, incident.Updates[0], cancellationToken);
                incidentId = incident.Id;
            }
            else
            {
                await store.SetComponentStatesAsync([down], cancellationToken);
                await changes.PublishAsync(cancellationToken);
            }
            LogDown(check.Id, check.ComponentId, detail);
            await PageAsync(check, name, detail, cancellationToken);
            return incidentId;
        }
        var up = new ComponentChange(check.ComponentId, ComponentState.Operational);
        if (state.IncidentId is { } id && await store.GetIncidentAsync(id, cancellationToken) is var (open, etag) && !open.IsResolved)
        {
            var update = open.AddUpdate(IncidentStatus.Resolved, $"Our automatic check of {name} passes again.", [up], notify: true, now, impact: null);
            if (await StatusConcurrency.TryAsync(() => store.SaveIncidentAsync(open, update, etag, cancellationToken)))
            {
                await changes.IncidentChangedAsync(open, update, cancellationToken);
                return null;
            }
        }
        await store.SetComponentStatesAsync([up], cancellationToken);
        await changes.PublishAsync(cancellationToken);
        return null;
    }

    private async Task PageAsync(UptimeCheck check, string name, string detail, CancellationToken cancellationToken)
    {
        if (check.PageScheduleId is not { } scheduleId || await schedules.GetAsync(scheduleId, cancellationToken) is not { } stored)
        {
            return;
        }
        if (new OnCallCalculator(stored.Schedule).At(time.GetUtcNow()).AgentId is not { } agent)
        {
            LogNobodyOnCall(check.Id, scheduleId);
            return;
        }
        await pager.SendNoticeAsync(agent, mailboxes.Default, $"[Page] {name} is down",
            $"The uptime check of {name} ({check.Url}) failed twice in a row: {detail}.", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uptime check {CheckId} confirms component {ComponentId} is down: {Detail}.")]
    private partial void LogDown(string checkId, string componentId, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uptime check {CheckId} is down but nobody is on call on schedule {ScheduleId}.")]
    private partial void LogNobodyOnCall(string checkId, string scheduleId);
}
