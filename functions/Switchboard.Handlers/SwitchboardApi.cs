using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Handlers.Admin;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Health;
using Switchboard.Handlers.Inbound;

namespace Switchboard.Handlers;

/// <summary>
/// The route table of the local host. Each route binds, then calls one handler; the Functions app declares the same
/// routes with <c>[HttpTrigger]</c> and FunctionsParityTests proves the two agree (route, verb and name).
/// </summary>
public static class SwitchboardApi
{
    public const string Prefix = "/api";

    public static RouteGroupBuilder MapSwitchboardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix);

        api.MapGet("/health", (HttpRequest request, CheckHealth handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(CheckHealth)).WithTags("Health")
            .WithSummary("Whether storage (tables, queues, blobs) answers.")
            .Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

        var inbound = api.MapGroup("/inbound").WithTags("Inbound email")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        inbound.MapPost("/sendgrid", (HttpRequest request, ReceiveSendGridEmail handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ReceiveSendGridEmail))
            .WithSummary("SendGrid Inbound Parse webhook (raw or parsed mode). Secret as ?key= or the Basic password.")
            .Accepts<IFormCollection>("multipart/form-data").Produces<InboundAccepted>(StatusCodes.Status202Accepted);
        inbound.MapPost("/mime", (HttpRequest request, ReceiveMimeEmail handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ReceiveMimeEmail))
            .WithSummary("One raw RFC 5322 message as the body. Secret as ?key= or the Basic password; mailbox by X-Envelope-To or ?to=.")
            .Accepts<string>("message/rfc822").Produces<InboundAccepted>(StatusCodes.Status202Accepted);

        var conversations = api.MapGroup("/conversations").WithTags("Conversations")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapGet("", (HttpRequest request, ListConversations handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ListConversations))
            .WithSummary("The inbox, newest activity first. Query: mailbox, status (open|pending|snoozed|closed), limit, continuationToken.")
            .Produces<ConversationPage>().ProducesProblem(StatusCodes.Status400BadRequest);
        conversations.MapGet("/{id}", (HttpRequest request, string id, GetConversation handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(GetConversation))
            .WithSummary("A conversation with all its messages.")
            .Produces<ConversationDetail>();
        conversations.MapGet("/{id}/messages/{messageId}/raw",
                (HttpRequest request, string id, string messageId, DownloadRawMessage handler, CancellationToken ct) => handler.HandleAsync(request, id, messageId, ct))
            .WithName(nameof(DownloadRawMessage))
            .WithSummary("The message as received (message/rfc822). API key or signed link.");
        conversations.MapGet("/{id}/messages/{messageId}/attachments/{index:int}",
                (HttpRequest request, string id, string messageId, int index, DownloadAttachment handler, CancellationToken ct) => handler.HandleAsync(request, id, messageId, index, ct))
            .WithName(nameof(DownloadAttachment))
            .WithSummary("One attachment or inline image. API key or signed link.");

        api.MapPost("/admin/queues/{queue}/replay", (HttpRequest request, string queue, ReplayPoisonMessages handler, CancellationToken ct) => handler.HandleAsync(request, queue, ct))
            .WithName(nameof(ReplayPoisonMessages)).WithTags("Admin")
            .WithSummary("Moves the messages of {queue}-poison back onto {queue}. Admins only.")
            .Produces<ReplayResult>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
