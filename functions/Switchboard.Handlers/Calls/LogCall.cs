using System.Text.Json;
using Switchboard.Core.Conversations;
using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Replies;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;

namespace Switchboard.Handlers.Calls;

/// <summary>
/// <c>POST /api/conversations/{id}/calls</c>: logs a phone call with the customer as an item of the conversation
/// (kind <c>call</c>, flag <c>call-inbound</c> or <c>call-outbound</c>), and with <c>emailToCustomer</c> also sends the
/// recap to the customer as the agent's reply (trainees may log calls, not email them). An <c>Idempotency-Key</c>
/// makes a retry return the same call.
/// </summary>
public sealed class LogCall(ConversationUpdater updater, ConversationStore conversations, ReplySender replies,
    MessageViews views, TimeProvider time)
{
    private const int MaxRecapChars = 20_000;

    public async Task<IResult> HandleAsync(Agent agent, string id, CallInput input, CancellationToken cancellationToken = default)
    {
        var (idempotencyKey, body) = input;
        if (string.IsNullOrWhiteSpace(body.Recap) || body.Recap.Length > MaxRecapChars)
        {
            return Problems.BadRequest($"The call needs a recap of at most {MaxRecapChars} characters.", "recap");
        }
        if (body.Direction is not ("inbound" or "outbound"))
        {
            return Problems.BadRequest("direction must be inbound (the customer called) or outbound (we called).", "direction");
        }
        if (body.DurationMinutes is < 0 or > 1440)
        {
            return Problems.BadRequest("durationMinutes must be between 0 and 1440.", "durationMinutes");
        }
        if (body.EmailToCustomer == true && agent.Role == AgentRoles.Trainee)
        {
            return Problems.Forbidden("Trainees may log calls but not email customers: leave emailToCustomer off.");
        }

        var recap = body.Recap.Trim();
        var now = time.GetUtcNow();
        var rowKey = ConversationIds.ForMessage(idempotencyKey is null ? $"call|{Guid.NewGuid():N}" : $"call|{agent.Id}|{idempotencyKey}");
        var call = await conversations.GetOwnMessageAsync(id, rowKey, cancellationToken);
        ConversationStatus? status = null;
        if (call is null)
        {
            var entity = new MessageEntity
            {
                RowKey = rowKey,
                MessageId = rowKey,
                Kind = MessageKinds.Call,
                Direction = "outbound",
                AuthorAgentId = agent.Id,
                FromEmail = agent.Email,
                FromName = agent.Name,
                Subject = $"{(body.Direction == "inbound" ? "Inbound" : "Outbound")} call{(body.DurationMinutes is { } minutes ? $", {minutes} min" : "")}",
                SentAt = now,
                ReceivedAt = now,
                Text = recap,
                VisibleText = recap,
                Flags = (body.Direction == "inbound" ? MessageFlags.CallInbound : MessageFlags.CallOutbound).ToStored(),
                ThreadMatch = "call",
                Problems = JsonSerializer.Serialize(Array.Empty<string>(), JsonDefaults.Options),
            };
            var update = await updater.UpdateAsync(id, conversation =>
            {
                conversation.LogCall(now);
                return ConversationEdit.Add(entity);
            }, cancellationToken);
            switch (update?.Outcome)
            {
                case null:
                    return Problems.NotFound($"There is no conversation '{id}'.");
                case ConversationWriteOutcome.ItemAlreadyStored:
                    call = await conversations.GetMessageAsync(id, rowKey, cancellationToken)
                        ?? throw new InvalidOperationException($"Call {rowKey} was refused as stored but is not there.");
                    break;
                default:
                    status = update.Conversation.Status;
                    call = entity;
                    break;
            }
        }

        MessageView? email = null;
        if (body.EmailToCustomer == true)
        {
            status ??= (await conversations.GetHeadAsync(id, cancellationToken))?.ToConversation().Status;
            // The recap answers the customer: waiting on them now, unless the conversation is left open or closed.
            var statusAfter = (status is ConversationStatus.Open or ConversationStatus.Closed ? status.Value : ConversationStatus.Pending).ToWire();
            var outcome = await replies.AcceptAsync(new ReplyAuthor(agent.Id, agent.Role, agent.Name), id,
                new OutgoingReply($"A summary of our phone call:\n\n{recap}", null, [], [], statusAfter), expectedVersion: null,
                idempotencyKey: "call|" + rowKey, cancellationToken);
            if (outcome is ReplyOutcome.Accepted accepted)
            {
                email = await views.ViewAsync(id, accepted.Message, cancellationToken);
            }
        }
        return Results.Json(new CallLogged(await views.ViewAsync(id, call, cancellationToken), email), statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>The input of <c>POST /api/conversations/{id}/calls</c>: an optional <c>Idempotency-Key</c> and the body.</summary>
public sealed record CallInput(string? IdempotencyKey, CallRequest Body) : IRequestInput<CallInput>
{
    public static async ValueTask<(CallInput? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var idempotencyKey = request.Headers[SendReply.IdempotencyKeyHeader].FirstOrDefault();
        if (idempotencyKey is not null && !SendReply.IsIdempotencyKey(idempotencyKey))
        {
            return (null, Problems.BadRequest("Idempotency-Key must be 1-100 letters, digits, '-', '_', '.' or ':'.", SendReply.IdempotencyKeyHeader));
        }
        var (body, bad) = await JsonBody.ReadAsync<CallRequest>(request, cancellationToken);
        return body is null ? (null, bad) : (new CallInput(idempotencyKey, body), null);
    }
}

/// <summary>The body of <c>POST /api/conversations/{id}/calls</c>.</summary>
public sealed record CallRequest(string? Recap, string? Direction, int? DurationMinutes, bool? EmailToCustomer);

/// <param name="Email">The recap as sent to the customer (state <c>sending</c>), when asked for.</param>
public sealed record CallLogged(MessageView Call, MessageView? Email);
