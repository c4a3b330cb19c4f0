namespace Switchboard.LocalHost.Queues;

/// <summary>What the queue pump tells the operator: every failure names the message id, the queue and the try.</summary>
internal static partial class QueuePumpLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Queue pump listening to {Count} queue(s): {Queues}.")]
    public static partial void Listening(ILogger logger, int count, string queues);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue '{Queue}' is not reachable ({Reason}); retrying with back-off.")]
    public static partial void StorageUnavailable(ILogger logger, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} on '{Queue}' handled on try {DequeueCount} and deleted.")]
    public static partial void Completed(ILogger logger, string messageId, string queue, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on '{Queue}' failed on try {DequeueCount} of {MaxDequeueCount}; it is retried after {VisibilityTimeout}.")]
    public static partial void FailedWillRetry(ILogger logger, Exception exception, string messageId, string queue, long dequeueCount, int maxDequeueCount, TimeSpan visibilityTimeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on '{Queue}' failed on try {DequeueCount} of {MaxDequeueCount}; moving it to '{PoisonQueue}'.")]
    public static partial void FailedToPoison(ILogger logger, Exception exception, string messageId, string queue, long dequeueCount, int maxDequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on '{Queue}' was already dequeued {DequeueCount} times (more than {MaxDequeueCount}); moving it to '{PoisonQueue}' without running the handler.")]
    public static partial void PoisonWithoutRunning(ILogger logger, string messageId, string queue, long dequeueCount, int maxDequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on '{Queue}' (try {DequeueCount}) is not valid base64; moving it as received to '{PoisonQueue}' without running the handler.")]
    public static partial void Undecodable(ILogger logger, string messageId, string queue, long dequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on '{Queue}' (try {DequeueCount}) was cancelled by shutdown; released, visible again now.")]
    public static partial void Released(ILogger logger, string messageId, string queue, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on '{Queue}' could not be completed: it is gone or another receiver holds it ({Reason}).")]
    public static partial void LeaseLost(ILogger logger, string messageId, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on '{Queue}' could not be completed; it reappears when its visibility runs out.")]
    public static partial void CompletionFailed(ILogger logger, Exception exception, string messageId, string queue);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} on '{Queue}' is still being handled; kept invisible for another {Visibility}.")]
    public static partial void Renewed(ILogger logger, string messageId, string queue, TimeSpan visibility);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the visibility of message {MessageId} on '{Queue}' ({Reason}); trying again.")]
    public static partial void RenewalFailed(ILogger logger, string messageId, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped receiving from '{Queue}'; waiting for {Count} message(s) in flight.")]
    public static partial void Draining(ILogger logger, string queue, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timeout reached; cancelling the queue handlers still running so that their messages are released.")]
    public static partial void ShutdownTimeout(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue handlers did not stop within {Grace} of cancellation; their messages reappear when their visibility runs out.")]
    public static partial void HandlersIgnoredCancellation(ILogger logger, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue pump stopped.")]
    public static partial void Stopped(ILogger logger);
}
