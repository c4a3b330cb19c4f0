using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using Switchboard.Handlers.Telemetry;

namespace Switchboard.Tests.Telemetry;

/// <summary>
/// Added to a test host's own tracer provider, so it sees exactly what that pipeline would export. The provider listens
/// process-wide, so tests pick their spans out by a name or tag only they use.
/// </summary>
public sealed class SpanRecorder : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> ended = new();

    public IReadOnlyList<Activity> Ended => [.. ended];

    public override void OnEnd(Activity data) => ended.Enqueue(data);

    /// <summary>Every ended span of one trace.</summary>
    public IReadOnlyList<Activity> Trace(ActivityTraceId traceId) => [.. ended.Where(a => a.TraceId == traceId)];
}

/// <summary>The measurements of the "Switchboard" meter of one host only: its instruments come from that host's IMeterFactory.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> measurements = new();

    public MetricRecorder(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SwitchboardTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        listener.Start();
    }

    /// <summary>The total of <paramref name="instrument"/> over the measurements whose tag <paramref name="tag"/> is <paramref name="value"/>.</summary>
    public long Sum(string instrument, string tag, string value) => measurements
        .Where(m => m.Instrument == instrument && m.Tags.Any(t => t.Key == tag && Equals(t.Value, value)))
        .Sum(m => m.Value);

    public void Dispose() => listener.Dispose();
}
