using Switchboard.Core.Status;
using Switchboard.Handlers.Security;
using Switchboard.Handlers.Status.Site;
using Switchboard.Storage.OnCall;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status.Checks;

/// <summary><c>POST /api/status/checks</c>: a check's body.</summary>
public sealed record NewUptimeCheck(string? ComponentId, string? Url, int? IntervalMinutes, int? ExpectedStatus, string? BodyContains,
    int? TimeoutSeconds, bool OpenIncident = false, string? PageScheduleId = null);

/// <summary>
/// A check as the API shows it, with where it stands; <paramref name="Uptime90d"/> is the percentage of its runs in
/// the last 90 days that passed (null before its first run).
/// </summary>
public sealed record UptimeCheckView(UptimeCheck Check, UptimeCheckState State, double? Uptime90d = null);

public sealed record UptimeCheckList(IReadOnlyList<UptimeCheckView> Items);

/// <summary>
/// <c>POST /api/status/checks</c>: validates the target (http/https; public addresses unless
/// <see cref="UptimeCheckOptions.AllowLocalTargets"/>), stores the check and queues its first run.
/// </summary>
public sealed class CreateUptimeCheck(
    UptimeCheckStore checks, StatusStore status, ScheduleStore schedules, RunUptimeCheck runner, IOptions<UptimeCheckOptions> options, TimeProvider time)
{
    public async Task<IResult> HandleAsync(NewUptimeCheck body, CancellationToken cancellationToken = default)
    {
        var interval = body.IntervalMinutes ?? UptimeCheck.MinIntervalMinutes;
        var timeout = body.TimeoutSeconds ?? UptimeCheck.DefaultTimeoutSeconds;
        var expected = body.ExpectedStatus ?? 200;
        if (StatusRules.First(
                string.IsNullOrEmpty(body.ComponentId) ? Problems.BadRequest("componentId is required.", "componentId") : null,
                string.IsNullOrWhiteSpace(body.Url) ? Problems.BadRequest("url is required.", "url") : null,
                interval is < UptimeCheck.MinIntervalMinutes or > UptimeCheck.MaxIntervalMinutes
                    ? Problems.BadRequest($"intervalMinutes is {UptimeCheck.MinIntervalMinutes} to {UptimeCheck.MaxIntervalMinutes}.", "intervalMinutes") : null,
                timeout is < 1 or > UptimeCheck.MaxTimeoutSeconds
                    ? Problems.BadRequest($"timeoutSeconds is 1 to {UptimeCheck.MaxTimeoutSeconds}.", "timeoutSeconds") : null,
                expected is < 100 or > 599 ? Problems.BadRequest("expectedStatus is an HTTP status code (100–599).", "expectedStatus") : null,
                body.BodyContains?.Length > UptimeCheck.MaxBodyContainsLength
                    ? Problems.BadRequest($"bodyContains is limited to {UptimeCheck.MaxBodyContainsLength} characters.", "bodyContains") : null) is { } problem)
        {
            return problem;
        }
        if (PublicEndpoints.UrlProblem(body.Url!.Trim(), options.Value.AllowLocalTargets, httpAllowed: true) is { } refused)
        {
            return Problems.BadRequest("url is refused: " + refused.Replace("an absolute https URL", "an absolute http(s) URL"), "url");
        }
        if ((await status.ListComponentsAsync(cancellationToken)).All(c => c.Id != body.ComponentId))
        {
            return Problems.BadRequest($"There is no component '{body.ComponentId}'.", "componentId");
        }
        if (body.PageScheduleId is { } scheduleId && await schedules.GetAsync(scheduleId, cancellationToken) is null)
        {
            return Problems.BadRequest($"There is no on-call schedule '{scheduleId}'.", "pageScheduleId");
        }
        var now = time.GetUtcNow();
        var check = new UptimeCheck(UptimeCheckStore.NewCheckId(), body.ComponentId!, body.Url.Trim(), interval, expected,
            string.IsNullOrEmpty(body.BodyContains) ? null : body.BodyContains, timeout, body.OpenIncident, body.PageScheduleId, now);
        var state = UptimeCheckState.First(now);
        await checks.AddAsync(check, state, cancellationToken);
        await runner.QueueAsync(new UptimeCheckDue(check.Id, state.NextRunAt), cancellationToken);
        return Results.Created($"/api/status/checks/{check.Id}", new UptimeCheckView(check, state));
    }
}

/// <summary><c>GET /api/status/checks</c>: every check with its last run, recent response times and 90-day uptime.</summary>
public sealed class ListUptimeChecks(UptimeCheckStore checks, TimeProvider time)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - StatusPageModel.HistoryDays);
        var items = new List<UptimeCheckView>();
        foreach (var (check, state) in await checks.ListAsync(cancellationToken))
        {
            var days = await checks.DaysAsync(check.Id, since, cancellationToken);
            var runs = days.Sum(d => d.Runs);
            double? uptime = runs == 0 ? null : Math.Round(100.0 * (runs - days.Sum(d => d.FailedRuns)) / runs, 3);
            items.Add(new UptimeCheckView(check, state, uptime));
        }
        return Results.Ok(new UptimeCheckList(items));
    }
}

/// <summary>
/// The hourly safety net: a check whose next run is more than two intervals overdue lost its message (or its run
/// crashed before queuing the next); its chain is started again for the run its state waits for. With any check, the
/// page is also published again, so its uptime bars follow the tallies (runs publish only when a component changes).
/// </summary>
public sealed class SweepUptimeChecks(UptimeCheckStore checks, RunUptimeCheck runner, StatusPageChanges changes, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var restarted = 0;
        var all = await checks.ListAsync(cancellationToken);
        foreach (var (check, state) in all)
        {
            if (state.NextRunAt + 2 * check.Interval < now)
            {
                await runner.QueueAsync(new UptimeCheckDue(check.Id, state.NextRunAt), cancellationToken);
                restarted++;
            }
        }
        if (all.Count > 0)
        {
            await changes.PublishAsync(cancellationToken);
        }
        return restarted;
    }
}
