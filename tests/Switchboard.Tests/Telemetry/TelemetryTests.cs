using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Switchboard.Core;
using Switchboard.Handlers.Inbound;
using Switchboard.Handlers.Telemetry;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Queues;

namespace Switchboard.Tests.Telemetry;

/// <summary>
/// The spans and counters of one email's way through the local host, seen through the host's own OpenTelemetry
/// pipeline (AddSwitchboardTelemetry), which the Functions app shares.
/// </summary>
public sealed class TelemetryTests
{
    private const string Fixture = "Threads/Gmail3/01-customer.eml";

    [Fact]
    public async Task Posted_email_yields_a_webhook_span_a_queue_message_span_and_storage_spans()
    {
        var spans = new SpanRecorder();
        await using var host = await TestHost.StartAsync(services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(spans)));
        var queueName = host.Storage.Names.Queue(QueueNames.InboundEmail);

        var response = await new InboundDriver(host).PostMimeAsync(InboundDriver.FixtureBytes(Fixture));
        Assert.True(response.IsSuccessStatusCode);

        Activity? Consumer() => spans.Ended.FirstOrDefault(a => a.Kind == ActivityKind.Consumer && (a.GetTagItem(SwitchboardTelemetry.Tags.Queue) as string) == queueName);
        Assert.True(await Eventually.TrueAsync(() => Consumer() is not null), "no span for the queue message");

        var webhook = Assert.Single(spans.Ended, a => a.Kind == ActivityKind.Server
            && (a.GetTagItem("url.path") as string) == "/api/inbound/mime" && Equals(a.GetTagItem("server.port"), host.BaseAddress.Port));
        Assert.Contains(spans.Trace(webhook.TraceId), a => a.Source.Name.StartsWith("Azure.", StringComparison.Ordinal) && a.DisplayName.Contains("Blob", StringComparison.Ordinal));

        var consumer = Consumer()!;
        Assert.Equal($"process {queueName}", consumer.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, consumer.Status);
        var trace = spans.Trace(consumer.TraceId);
        var handler = Assert.Single(trace, a => a.DisplayName == nameof(ProcessInboundEmail));
        Assert.Equal(consumer.SpanId, handler.ParentSpanId);
        Assert.Equal(ProcessInboundEmail.Outcomes.NewConversation, handler.GetTagItem(SwitchboardTelemetry.Tags.Outcome));
        Assert.Contains(trace, a => a.Source.Name.StartsWith("Azure.", StringComparison.Ordinal) && a.DisplayName.Contains("Table", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accepted_and_processed_emails_are_counted_by_source_and_outcome()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        using var metrics = new MetricRecorder(host.Services);
        var mail = new InboundDriver(host);

        await mail.DeliverAsync(Fixture, Fixture);
        await mail.ProcessQueuedAsync();

        Assert.Equal(2, metrics.Sum("switchboard.inbound.accepted", SwitchboardTelemetry.Tags.Source, "mime"));
        Assert.Equal(1, metrics.Sum("switchboard.messages.processed", SwitchboardTelemetry.Tags.Outcome, ProcessInboundEmail.Outcomes.NewConversation));
        Assert.Equal(1, metrics.Sum("switchboard.messages.processed", SwitchboardTelemetry.Tags.Outcome, ProcessInboundEmail.Outcomes.Duplicate));
    }

    [Fact]
    public async Task Queue_pump_counts_each_failed_try_and_the_move_to_poison_and_marks_the_span_failed()
    {
        var spans = new SpanRecorder();
        var handler = new ScriptedQueueHandler("telemetry-test", (_, _) => throw new InvalidOperationException("always fails"));
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00.100",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
        }, s =>
        {
            s.AddSingleton<Switchboard.LocalHost.Queues.IQueueHandler>(handler);
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(spans));
        });
        using var metrics = new MetricRecorder(host.Services);
        var queueName = host.Storage.Queue("telemetry-test").Name;

        await host.Storage.SendAsync("telemetry-test", "fails every time");

        List<Activity> Tries() => [.. spans.Ended.Where(a => (a.GetTagItem(SwitchboardTelemetry.Tags.Queue) as string) == queueName)];
        Assert.True(await Eventually.TrueAsync(() => Tries().Count == 2 && metrics.Sum("switchboard.queue.poisoned", SwitchboardTelemetry.Tags.Queue, queueName) == 1),
            "the two tries and the poison move were not recorded");
        Assert.Equal(2, metrics.Sum("switchboard.queue.failures", SwitchboardTelemetry.Tags.Queue, queueName));
        var tries = Tries();
        Assert.All(tries, a => Assert.Equal(ActivityStatusCode.Error, a.Status));
        Assert.Contains(tries, a => (a.GetTagItem(SwitchboardTelemetry.Tags.Outcome) as string) == "poisoned");
    }
}
