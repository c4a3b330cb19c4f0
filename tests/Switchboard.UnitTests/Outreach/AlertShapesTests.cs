using System.Text.Json;
using Switchboard.Core.Outreach;

namespace Switchboard.UnitTests.Outreach;

public sealed class AlertShapesTests
{
    private static ErrorAlert Read(string json)
    {
        var (alert, problem, _) = AlertShapes.Read(JsonDocument.Parse(json).RootElement);
        Assert.True(alert is not null, problem);
        return alert!;
    }

    [Fact]
    public void The_generic_shape_reads_every_field()
    {
        var alert = Read("""
            {"customer": {"email": "ann@example.com", "externalId": "42", "name": "Ann Smith"}, "summary": "your export failed",
             "link": "https://errors.example.test/42", "severity": "warning", "dedupKey": "export-42", "occurredAt": "2026-03-02T10:05:00+01:00"}
            """);
        Assert.Equal(new ErrorAlert("ann@example.com", "42", "Ann Smith", "your export failed", "https://errors.example.test/42",
            AlertSeverity.Warning, "export-42", new DateTimeOffset(2026, 3, 2, 9, 5, 0, TimeSpan.Zero), "generic"), alert);
    }

    [Fact]
    public void Without_severity_or_dedup_key_an_alert_is_an_error_keyed_by_its_summary()
    {
        var alert = Read("""{"customer": {"email": "ann@example.com"}, "summary": "Export Failed"}""");
        Assert.Equal(AlertSeverity.Error, alert.Severity);
        Assert.Equal("summary:export failed", alert.DedupKey);
    }

    [Fact]
    public void A_sentry_issue_alert_names_the_user_the_title_the_level_and_the_issue()
    {
        var alert = Read("""
            {"action": "triggered", "data": {"event": {"event_id": "d6b1", "issue_id": "1170820242", "level": "fatal",
              "title": "ExportError: the export job timed out", "datetime": "2026-03-02T08:58:41.000000Z",
              "web_url": "https://sentry.io/organizations/acme/issues/1170820242/events/d6b1/",
              "user": {"id": "42", "email": "ann@example.com", "username": "ann"}}, "triggered_rule": "Customer errors"}}
            """);
        Assert.Equal(("ann@example.com", "42", "ann"), (alert.CustomerEmail, alert.CustomerExternalId, alert.CustomerName));
        Assert.Equal("ExportError: the export job timed out", alert.Summary);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("sentry-issue-1170820242", alert.DedupKey);
        Assert.Equal("https://sentry.io/organizations/acme/issues/1170820242/events/d6b1/", alert.Link);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 58, 41, TimeSpan.Zero), alert.OccurredAt);
        Assert.Equal("sentry", alert.Source);
    }

    [Fact]
    public void A_sentry_legacy_webhook_is_read_too_with_its_unix_timestamp()
    {
        var alert = Read("""
            {"id": "27379932", "project": "app", "level": "error", "url": "https://sentry.io/organizations/acme/issues/27379932/",
             "message": "InvoiceRenderError", "event": {"title": "InvoiceRenderError: the PDF did not render", "timestamp": 1772441921.0,
             "user": {"id": "77", "email": "bob@example.com"}}}
            """);
        Assert.Equal("bob@example.com", alert.CustomerEmail);
        Assert.Equal("InvoiceRenderError: the PDF did not render", alert.Summary);
        Assert.Equal("sentry-issue-27379932", alert.DedupKey);
        Assert.Equal("https://sentry.io/organizations/acme/issues/27379932/", alert.Link);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772441921), alert.OccurredAt);
    }

    [Theory]
    [InlineData("""[1, 2]""", null)]
    [InlineData("""{"summary": "x"}""", "customer")]
    [InlineData("""{"customer": {"email": "Ann <ann@example.com>"}, "summary": "x"}""", "customer.email")]
    [InlineData("""{"customer": {"email": "ann@example.com"}, "summary": "  "}""", "summary")]
    [InlineData("""{"customer": {"email": "ann@example.com"}, "summary": "x", "severity": "meh"}""", "severity")]
    [InlineData("""{"customer": {"email": "ann@example.com"}, "summary": "x", "link": "ftp://x.example/"}""", "link")]
    [InlineData("""{"customer": {"email": "ann@example.com"}, "summary": "x", "occurredAt": "yesterday"}""", "occurredAt")]
    [InlineData("""{"action": "triggered", "data": {"event": {"title": "x", "user": {"ip_address": "203.0.113.7"}}}}""", "customer")]
    public void Malformed_alerts_name_the_field(string json, string? field)
    {
        var (alert, problem, named) = AlertShapes.Read(JsonDocument.Parse(json).RootElement);
        Assert.Null(alert);
        Assert.NotNull(problem);
        Assert.Equal(field, named);
    }

    [Fact]
    public void A_long_summary_is_shortened()
    {
        var alert = Read($$"""{"customer": {"email": "ann@example.com"}, "summary": "{{new string('x', 1000)}}"}""");
        Assert.Equal(AlertShapes.MaxSummary, alert.Summary.Length);
    }
}
