using System.Diagnostics;

namespace Switchboard.Handlers.Telemetry;

/// <summary>
/// The one <see cref="ActivitySource"/> of Switchboard's own spans, and the names shared by spans, metrics and the
/// exporters' configuration. Metrics live in <see cref="SwitchboardMetrics"/>, created per host from its IMeterFactory.
/// </summary>
public static class SwitchboardTelemetry
{
    /// <summary>The name of the ActivitySource and of the Meter, and the service name the exporters report.</summary>
    public const string Name = "Switchboard";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>Tags, after OpenTelemetry's messaging conventions where one exists.</summary>
    public static class Tags
    {
        public const string Queue = "messaging.destination.name";
        public const string MessageId = "messaging.message.id";
        public const string DequeueCount = "switchboard.dequeue_count";
        public const string Outcome = "switchboard.outcome";
        public const string Source = "switchboard.source";
        public const string TimerJob = "switchboard.timer.job";
        /// <summary>The id the webhook answered with (202 <c>{id}</c>): follows one email from its webhook to its processing.</summary>
        public const string InboundId = "switchboard.inbound.id";
    }

    /// <summary>
    /// A consumer span around one queue message, as the Functions host makes one around each queue-triggered
    /// invocation; the local host's queue pump starts it.
    /// </summary>
    public static Activity? StartQueueMessage(string queueName, string messageId, long dequeueCount)
    {
        var activity = Source.StartActivity($"process {queueName}", ActivityKind.Consumer);
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag(Tags.Queue, queueName);
        activity?.SetTag(Tags.MessageId, messageId);
        activity?.SetTag(Tags.DequeueCount, dequeueCount);
        return activity;
    }

    /// <summary>A span around one run of a timer job.</summary>
    public static Activity? StartTimerRun(string job)
    {
        var activity = Source.StartActivity($"timer {job}", ActivityKind.Internal);
        activity?.SetTag(Tags.TimerJob, job);
        return activity;
    }

    /// <summary>Marks a span failed, with the exception's type and message (not its stack: that is in the logs).</summary>
    public static void Failed(this Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity?.SetTag("error.type", exception.GetType().FullName);
    }
}
