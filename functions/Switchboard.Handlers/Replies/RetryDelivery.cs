using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Replies;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Conversations;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Queues;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// <c>POST /api/conversations/{id}/messages/{messageId}/retry</c>: sends a <c>failed</c> reply again (202, state back to
/// <c>sending</c>). Only failed replies: a bounced or dropped address would refuse the same mail again.
/// </summary>
public sealed class RetryDelivery(ConversationStore conversations, WorkQueue queue, MessageViews views)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, string messageId, CancellationToken cancellationToken = default)
    {
        var reply = ConversationIds.IsConversationId(id) && ConversationIds.IsMessageId(messageId)
            ? await conversations.GetMessageAsync(id, messageId, cancellationToken)
            : null;
        if (reply is null)
        {
            return Problems.NotFound($"There is no message '{messageId}' in conversation '{id}'.");
        }
        if (reply.Kind != MessageKinds.Email || reply.Direction != "outbound" || reply.DeliveryState is null)
        {
            return Problems.Conflict("Only replies sent from Switchboard can be retried.", "messageId");
        }
        if (reply.DeliveryState != DeliveryStates.Failed)
        {
            return Problems.Conflict($"The reply is {reply.DeliveryState}; only failed replies can be sent again.", "messageId");
        }
        reply.DeliveryState = DeliveryStates.Sending;
        reply.DeliveryDetail = $"Sent again by {agent.Name ?? agent.Id}.";
        reply.SendingUntil = null;
        if (!await conversations.TryReplaceMessageAsync(reply, cancellationToken))
        {
            return Problems.Conflict("The reply changed meanwhile (someone else retried it); reload the conversation.", "messageId");
        }
        await queue.SendAsync(QueueNames.OutboundEmail, new OutboundEmailQueued(id, messageId), cancellationToken: cancellationToken);
        return Results.Json(await views.ViewAsync(id, reply, cancellationToken), statusCode: StatusCodes.Status202Accepted);
    }
}
