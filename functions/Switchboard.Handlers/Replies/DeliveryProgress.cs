using Switchboard.Storage.Conversations;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// The order of delivery states, so events that arrive late or twice never move a message backwards: a late
/// <c>deferred</c> leaves <c>delivered</c> alone, <c>opened</c> follows <c>delivered</c>, and the first final answer
/// (delivered, bounced, dropped, failed) stays.
/// </summary>
public static class DeliveryProgress
{
    public static int Rank(string? state) => state switch
    {
        DeliveryStates.Sending => 0,
        DeliveryStates.Sent => 1,
        DeliveryStates.Deferred => 2,
        DeliveryStates.Delivered or DeliveryStates.Bounced or DeliveryStates.Dropped or DeliveryStates.Failed => 3,
        DeliveryStates.Opened => 4,
        _ => -1,
    };

    public static bool Advances(string? current, string next) => Rank(next) > Rank(current);

    /// <summary>Our state for a SendGrid event type; null for events we do not track (click, spam report, …).</summary>
    public static string? FromSendGrid(string? eventType) => eventType switch
    {
        "processed" => DeliveryStates.Sent,
        "deferred" => DeliveryStates.Deferred,
        "delivered" => DeliveryStates.Delivered,
        "bounce" => DeliveryStates.Bounced,
        "dropped" => DeliveryStates.Dropped,
        "open" => DeliveryStates.Opened,
        _ => null,
    };
}
