using Switchboard.Core.Conversations;

namespace Switchboard.Handlers.Conversations;

public static class ConversationRoute
{
    /// <summary>A route's conversation id: 404 unless it has the shape of one.</summary>
    public static RouteId Id(string id) => RouteId.Of(id, "conversation", ConversationIds.IsConversationId);
}
