using Switchboard.Core.Status;

namespace Switchboard.Tests.Status;

/// <summary>The page's verdict and the incident and maintenance rules, without storage.</summary>
public sealed class StatusModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void All_operational_and_no_open_incident_reads_all_systems_operational()
    {
        var indicator = StatusRollup.Overall([ComponentState.Operational, ComponentState.Operational], []);

        Assert.Equal(StatusIndicator.None, indicator);
        Assert.Equal("All Systems Operational", StatusRollup.Describe(indicator));
    }

    [Theory]
    [InlineData(ComponentState.DegradedPerformance, StatusIndicator.Minor)]
    [InlineData(ComponentState.PartialOutage, StatusIndicator.Major)]
    [InlineData(ComponentState.MajorOutage, StatusIndicator.Critical)]
    [InlineData(ComponentState.UnderMaintenance, StatusIndicator.Maintenance)]
    public void The_worst_component_decides_the_page(ComponentState worst, StatusIndicator expected) =>
        Assert.Equal(expected, StatusRollup.Overall([ComponentState.Operational, worst, ComponentState.Operational], []));

    [Fact]
    public void An_open_incident_outranks_operational_components_and_maintenance()
    {
        Assert.Equal(StatusIndicator.Major, StatusRollup.Overall([ComponentState.UnderMaintenance], [IncidentImpact.Major]));
        Assert.Equal(StatusIndicator.Critical, StatusRollup.Overall([ComponentState.DegradedPerformance], [IncidentImpact.Critical]));
        Assert.Equal(StatusIndicator.None, StatusRollup.Overall([ComponentState.Operational], [IncidentImpact.None]));
    }

    [Fact]
    public void A_resolved_incident_no_longer_counts()
    {
        var incident = Incident.Open("i1", "Slow", IncidentImpact.Critical, IncidentStatus.Investigating, "Looking", [], true, Now);
        incident.AddUpdate(IncidentStatus.Resolved, "Fixed", [], true, Now.AddHours(1), impact: null);

        Assert.Equal(StatusIndicator.None, StatusRollup.Overall([new StatusComponent("c", "Api", null, null, ComponentState.Operational, 0)], [incident]));
    }

    [Fact]
    public void A_group_shows_its_worst_component_with_maintenance_below_any_failure()
    {
        Assert.Equal(ComponentState.PartialOutage, StatusRollup.Worst([ComponentState.UnderMaintenance, ComponentState.PartialOutage]));
        Assert.Equal(ComponentState.UnderMaintenance, StatusRollup.Worst([ComponentState.Operational, ComponentState.UnderMaintenance]));
        Assert.Equal(ComponentState.DegradedPerformance, StatusRollup.Worst([ComponentState.UnderMaintenance, ComponentState.DegradedPerformance]));
    }

    [Fact]
    public void Resolving_returns_every_affected_component_the_update_does_not_name_to_operational()
    {
        var incident = Incident.Open("i1", "Mail delayed", IncidentImpact.Major, IncidentStatus.Investigating, "Looking",
            [new("mail", ComponentState.MajorOutage), new("api", ComponentState.DegradedPerformance)], true, Now);

        var resolved = incident.AddUpdate(IncidentStatus.Resolved, "Fixed", [new("api", ComponentState.DegradedPerformance)], true, Now.AddHours(1), null);

        Assert.Equal(
            [new ComponentChange("api", ComponentState.DegradedPerformance), new ComponentChange("mail", ComponentState.Operational)],
            resolved.Components.OrderBy(c => c.ComponentId));
        Assert.Equal(Now.AddHours(1), incident.ResolvedAt);
    }

    [Fact]
    public void A_resolved_incident_is_final_but_takes_a_postmortem()
    {
        var incident = Incident.Open("i1", "Outage", IncidentImpact.Major, IncidentStatus.Identified, "Found it", [], true, Now);
        Assert.Throws<StatusRuleException>(() => incident.WritePostmortem("Too early"));
        incident.AddUpdate(IncidentStatus.Monitoring, "Fix deployed", [], true, Now.AddMinutes(10), null);
        incident.AddUpdate(IncidentStatus.Identified, "The fix did not hold", [], true, Now.AddMinutes(20), null);
        incident.AddUpdate(IncidentStatus.Resolved, "Fixed for good", [], true, Now.AddMinutes(30), null);

        Assert.Throws<StatusRuleException>(() => incident.AddUpdate(IncidentStatus.Monitoring, "Again", [], true, Now.AddMinutes(40), null));
        incident.WritePostmortem("A disk filled up.");
        Assert.Equal("A disk filled up.", incident.Postmortem);
        Assert.Equal(4, incident.Updates.Count);
    }

    [Fact]
    public void Updates_in_the_same_tick_keep_their_order()
    {
        var incident = Incident.Open("i1", "Outage", IncidentImpact.Minor, IncidentStatus.Investigating, "One", [], true, Now);
        incident.AddUpdate(IncidentStatus.Identified, "Two", [], true, Now, null);

        Assert.True(incident.Updates[1].At > incident.Updates[0].At);
    }

    [Fact]
    public void Maintenance_starts_then_completes_once_each_and_never_goes_back()
    {
        var m = Maintenance.Schedule("m1", "Database upgrade", "Brief pauses", ["db"], Now.AddHours(1), Now.AddHours(2), Now);

        Assert.Null(m.Advance(Now.AddMinutes(59)));
        var (started, onStart) = m.Advance(Now.AddHours(1))!.Value;
        Assert.Null(started.Advance(Now.AddHours(1.5)));
        var (completed, onComplete) = started.Advance(Now.AddHours(2))!.Value;

        Assert.Equal([new ComponentChange("db", ComponentState.UnderMaintenance)], onStart);
        Assert.Equal(MaintenanceStatus.InProgress, started.Status);
        Assert.Equal([new ComponentChange("db", ComponentState.Operational)], onComplete);
        Assert.Equal(MaintenanceStatus.Completed, completed.Status);
        Assert.Null(completed.Advance(Now.AddHours(1.5)));
    }

    [Fact]
    public void Maintenance_needs_notice_and_a_sensible_window()
    {
        Assert.Throws<StatusRuleException>(() => Maintenance.Schedule("m", "t", "m", ["db"], Now.AddMinutes(1), Now.AddHours(1), Now));
        Assert.Throws<StatusRuleException>(() => Maintenance.Schedule("m", "t", "m", ["db"], Now.AddHours(2), Now.AddHours(1), Now));
        Assert.Throws<StatusRuleException>(() => Maintenance.Schedule("m", "t", "m", ["db"], Now.AddHours(1), Now.AddDays(8), Now));
    }

    [Fact]
    public void Uptime_counts_a_major_outage_fully_and_a_partial_one_at_thirty_percent()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var incident = Incident.Open("i1", "Down", IncidentImpact.Critical, IncidentStatus.Investigating, "Down",
            [new("api", ComponentState.MajorOutage)], true, start.AddHours(6));
        incident.AddUpdate(IncidentStatus.Monitoring, "Partly back", [new("api", ComponentState.PartialOutage)], true, start.AddHours(12), null);
        incident.AddUpdate(IncidentStatus.Resolved, "Back", [], true, start.AddHours(22), null);

        var days = UptimeHistory.Daily("api", [incident], Now, 3);

        Assert.Equal([new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2)], days.Select(d => d.Date));
        Assert.Equal(1, days[0].Uptime);
        Assert.Equal(1 - (6 + 10 * 0.3) / 24, days[1].Uptime, 6);
        Assert.Equal(ComponentState.MajorOutage, days[1].Worst);
        Assert.Equal(1, days[2].Uptime);
        Assert.Equal(ComponentState.Operational, days[2].Worst);
        Assert.Equal(1, UptimeHistory.Daily("other", [incident], Now, 3).Min(d => d.Uptime));
    }

    [Fact]
    public void Check_tallies_give_each_day_its_measured_uptime_and_colour_and_days_without_runs_have_no_data()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        UptimeCheckDay[] tallies =
        [
            new(today.AddDays(-3), 1440, 0, 0), new(today.AddDays(-2), 1000, 8, 0), new(today.AddDays(-2), 440, 4, 0),
            new(today.AddDays(-1), 100, 30, 0),
        ];

        var days = UptimeHistory.FromChecks(tallies, today, 5);

        Assert.False(days[0].HasData);
        Assert.Equal((1.0, ComponentState.Operational), (days[1].Uptime, days[1].Worst));
        Assert.Equal(1 - 12 / 1440.0, days[2].Uptime, 6); // two checks of one component add up
        Assert.Equal(ComponentState.DegradedPerformance, days[2].Worst);
        Assert.Equal(ComponentState.MajorOutage, days[3].Worst);
        Assert.False(days[4].HasData);
        Assert.Equal((1 + (1 - 12 / 1440.0) + 0.7) / 3, UptimeHistory.Mean(days), 6);
    }

    [Fact]
    public void A_cancelled_window_never_starts_and_one_that_started_cannot_be_cancelled()
    {
        var window = Maintenance.Schedule("m1", "Upgrade", "Slow for a while", ["api"], Now.AddHours(1), Now.AddHours(2), Now);

        var cancelled = window.Cancel();

        Assert.Equal(MaintenanceStatus.Cancelled, cancelled.Status);
        Assert.Null(cancelled.Advance(Now.AddHours(1)));
        Assert.Null(cancelled.Advance(Now.AddHours(3)));
        var started = window.Advance(Now.AddHours(1))!.Value.Next;
        Assert.Throws<StatusRuleException>(() => started.Cancel());
        Assert.Throws<StatusRuleException>(() => cancelled.Cancel());
    }
}
