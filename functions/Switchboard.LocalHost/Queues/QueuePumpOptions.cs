namespace Switchboard.LocalHost.Queues;

/// <summary>
/// The queue trigger settings of host.json (<c>extensions:queues</c>), read from
/// <c>AzureFunctionsJobHost:extensions:queues</c> with the defaults the Functions host uses when a setting is absent.
/// </summary>
public sealed record QueuePumpOptions
{
    public const string Section = "AzureFunctionsJobHost:extensions:queues";

    /// <summary>Where the local-only <see cref="ReceiveVisibility"/> is read from (not a host.json setting).</summary>
    public const string LocalSection = "LocalHost:Queues";

    /// <summary>Messages fetched per receive and processed concurrently (1-32).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// A new batch is fetched once no more than this many messages are in flight; null means <c>BatchSize / 2</c>.
    /// At most <c>BatchSize + NewBatchThreshold</c> messages run at once.
    /// </summary>
    public int? NewBatchThreshold { get; set; }

    /// <summary>The longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays invisible before it is retried.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Tries before a message moves to <c>{queue}-poison</c>.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Only <c>base64</c> is supported: both hosts share clients that encode in base64.</summary>
    public string MessageEncoding { get; set; } = "base64";

    /// <summary>
    /// How long a received message stays invisible while its handler runs; renewed at half this period.
    /// Ten minutes, as in the Functions host; tests shorten it through <c>LocalHost:Queues:ReceiveVisibility</c>.
    /// </summary>
    public TimeSpan ReceiveVisibility { get; set; } = TimeSpan.FromMinutes(10);

    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? BatchSize / 2;

    /// <summary>The shortest poll interval, used after a poll that found messages (as in the Functions host).</summary>
    public static TimeSpan MinPollingInterval { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Every problem with the settings, named by their host.json keys; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (BatchSize is < 1 or > 32) problems.Add($"queues:batchSize must be 1-32 (is {BatchSize}).");
        if (EffectiveNewBatchThreshold < 0) problems.Add($"queues:newBatchThreshold must not be negative (is {NewBatchThreshold}).");
        if (MaxPollingInterval < MinPollingInterval) problems.Add($"queues:maxPollingInterval must be at least {MinPollingInterval} (is {MaxPollingInterval}).");
        if (VisibilityTimeout < TimeSpan.Zero || VisibilityTimeout > TimeSpan.FromDays(7)) problems.Add($"queues:visibilityTimeout must be between 0 and 7 days (is {VisibilityTimeout}).");
        if (MaxDequeueCount < 1) problems.Add($"queues:maxDequeueCount must be at least 1 (is {MaxDequeueCount}).");
        if (!string.Equals(MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase)) problems.Add($"queues:messageEncoding '{MessageEncoding}' is not supported by the local host; use base64.");
        if (ReceiveVisibility < TimeSpan.FromSeconds(1)) problems.Add($"LocalHost:Queues:ReceiveVisibility must be at least 1 second (is {ReceiveVisibility}).");
        return problems;
    }
}
