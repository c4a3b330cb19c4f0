using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Handlers.Admin;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Calls;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Escalation;
using Switchboard.Handlers.Customers;
using Switchboard.Handlers.Drafts;
using Switchboard.Handlers.Health;
using Switchboard.Handlers.Inbound;
using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Replies;
using Switchboard.Handlers.Team;
using Switchboard.Handlers.OnCall;
using Switchboard.Handlers.SavedReplies;
using Switchboard.Handlers.Search;

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
            .WithSummary("The inbox, newest activity first. Query: view (all|mine|unassigned), mailbox, status (open|pending|snoozed|closed), limit, continuationToken.")
            .Produces<ConversationPage>().ProducesProblem(StatusCodes.Status400BadRequest);
        conversations.MapGet("/{id}", (HttpRequest request, string id, GetConversation handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(GetConversation))
            .WithSummary("A conversation with all its messages.")
            .Produces<ConversationDetail>();
        conversations.MapPatch("/{id}", (HttpRequest request, string id, UpdateConversation handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(UpdateConversation))
            .WithSummary("Changes status (snoozed needs a future snoozedUntil), assignee (an active agent, or null) and/or tags. Absent fields stay.")
            .Accepts<ConversationChange>("application/json").Produces<ConversationState>().ProducesProblem(StatusCodes.Status400BadRequest);
        conversations.MapPost("/{id}/notes", (HttpRequest request, string id, AddNote handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(AddNote))
            .WithSummary("Adds an internal note (never emailed to the customer); @handles email the mentioned agents.")
            .Accepts<NoteBody>("application/json").Produces<NoteAdded>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        conversations.MapPost("/{id}/presence", (HttpRequest request, string id, BeatPresence handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(BeatPresence))
            .WithSummary("Heartbeat while the conversation is open (state viewing|replying); answers who else is here (beats of the last 40 s).")
            .Accepts<PresenceBeat>("application/json").Produces<PresenceList>().ProducesProblem(StatusCodes.Status400BadRequest);
        conversations.MapGet("/{id}/messages/{messageId}/raw",
                (HttpRequest request, string id, string messageId, DownloadRawMessage handler, CancellationToken ct) => handler.HandleAsync(request, id, messageId, ct))
            .WithName(nameof(DownloadRawMessage))
            .WithSummary("The message as received (message/rfc822). API key or signed link.");
        conversations.MapGet("/{id}/messages/{messageId}/attachments/{index:int}",
                (HttpRequest request, string id, string messageId, int index, DownloadAttachment handler, CancellationToken ct) => handler.HandleAsync(request, id, messageId, index, ct))
            .WithName(nameof(DownloadAttachment))
            .WithSummary("One attachment or inline image. API key or signed link.");

        // A group, like the others, so the route sits with them in the OpenAPI document (direct routes come first).
        api.MapGroup("/assignees").WithTags("Conversations")
            .MapGet("", (HttpRequest request, ListAssignees handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ListAssignees))
            .WithSummary("Active agents to assign or @mention, and the caller's own agent id (me).")
            .Produces<AssigneeList>().ProducesProblem(StatusCodes.Status401Unauthorized);
        MapReplies(api, conversations);
        MapDrafts(api, conversations);

        var auth = api.MapGroup("/auth").WithTags("Sign-in");
        auth.MapPost("/magic-links", (HttpRequest request, RequestMagicLink handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(RequestMagicLink))
            .WithSummary("Emails a sign-in link (single use, 15 minutes) if the address is an agent's. Always 202; 429 after 5 requests per address in 15 minutes.")
            .Accepts<MagicLinkRequest>("application/json").Produces<MagicLinkRequested>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/magic-links/{token}", (HttpRequest request, string token, ConsumeMagicLink handler, CancellationToken ct) => handler.HandleAsync(request, token, ct))
            .WithName(nameof(ConsumeMagicLink))
            .WithSummary("The emailed link: sets the session cookie and redirects to /, or to /sign-in?error=invalid|expired|used|disabled.")
            .Produces(StatusCodes.Status302Found);
        auth.MapPost("/sign-out", (HttpRequest request, SignOut handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(SignOut))
            .WithSummary("Ends the browser session (its row is deleted, so every copy of the cookie stops working).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        auth.MapGet("/me", (HttpRequest request, GetCurrentAgent handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(GetCurrentAgent))
            .WithSummary("The signed-in agent, with the anti-forgery token a browser sends as X-Switchboard-Csrf.")
            .Produces<CurrentAgent>().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPatch("/me/preferences", (HttpRequest request, UpdatePreferences handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(UpdatePreferences))
            .WithSummary("The signed-in agent's preferences: notifyNewConversations (email me each new conversation; answer it from my mail client). Not for API keys (409).")
            .Accepts<PreferencesChange>("application/json").Produces<Preferences>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict);

        var apiKeys = api.MapGroup("/api-keys").WithTags("Team")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        apiKeys.MapPost("", (HttpRequest request, CreateApiKey handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(CreateApiKey))
            .WithSummary("Creates an API key for a script (Authorization: Bearer). The key is shown in this answer only. Admins only.")
            .Accepts<ApiKeyRequest>("application/json").Produces<CreatedApiKey>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        apiKeys.MapDelete("/{id}", (HttpRequest request, string id, RevokeApiKey handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(RevokeApiKey))
            .WithSummary("Revokes an API key at once. Admins only.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        var agents = api.MapGroup("/agents").WithTags("Team")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        agents.MapGet("", (HttpRequest request, ListAgents handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ListAgents))
            .WithSummary("The team. Admins only.")
            .Produces<AgentList>();
        agents.MapPost("/invitations", (HttpRequest request, InviteAgent handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(InviteAgent))
            .WithSummary("Adds an invited agent (email, name, role: admin|agent|trainee) and emails them a sign-in link valid 72 hours. Admins only.")
            .Accepts<Invitation>("application/json").Produces<AgentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        agents.MapPatch("/{id}", (HttpRequest request, string id, UpdateAgent handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(UpdateAgent))
            .WithSummary("Changes role and/or status (active|disabled); never leaves the team without an active admin (409). Admins only.")
            .Accepts<AgentChange>("application/json").Produces<AgentView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var devMail = api.MapGroup("/dev/mail").WithTags("Dev mail view")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        devMail.MapGet("", (HttpRequest request, ListDevMail handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ListDevMail))
            .WithSummary("Mail kept by the mail sink, newest first. Only while Mail:Sender is sink; signed-in agents, or anyone on the local host's loopback.")
            .Produces<DevMailList>();
        devMail.MapGet("/{id}", (HttpRequest request, string id, GetDevMail handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(GetDevMail))
            .WithSummary("One message of the mail sink.")
            .Produces<DevMailMessage>();

        api.MapPost("/admin/queues/{queue}/replay", (HttpRequest request, string queue, ReplayPoisonMessages handler, CancellationToken ct) => handler.HandleAsync(request, queue, ct))
            .WithName(nameof(ReplayPoisonMessages)).WithTags("Admin")
            .WithSummary("Moves the messages of {queue}-poison back onto {queue}. Admins only.")
            .Produces<ReplayResult>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        MapOnCall(api.MapGroup("/oncall").WithTags("On call"));
        MapAgentLibrary(api);

        return api;
    }

    /// <summary>Search, customers and saved replies: what an agent looks up while answering.</summary>
    private static void MapAgentLibrary(RouteGroupBuilder api)
    {
        api.MapGet("/search", (HttpRequest request, SearchConversations handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(SearchConversations)).WithTags("Search")
            .WithSummary("Conversations containing every word of q (subject, customer address or name, message and note text), newest conversation first. Query: q, limit (1-50, 20), continuationToken.")
            .Produces<SearchResults>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);

        var customers = api.MapGroup("/customers").WithTags("Customers")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        customers.MapGet("/{email}", (HttpRequest request, string email, GetCustomer handler, CancellationToken ct) => handler.HandleAsync(request, email, ct))
            .WithName(nameof(GetCustomer))
            .WithSummary("A customer: name, first and last contact, the team's notes, and their conversations (latest activity first).")
            .Produces<CustomerView>();
        customers.MapPut("/{email}/notes", (HttpRequest request, string email, UpdateCustomerNotes handler, CancellationToken ct) => handler.HandleAsync(request, email, ct))
            .WithName(nameof(UpdateCustomerNotes))
            .WithSummary("Replaces the team's notes about the customer ({text}, at most 5,000 characters; empty clears them).")
            .Accepts<CustomerNotesBody>("application/json").Produces<CustomerNotesView>().ProducesProblem(StatusCodes.Status400BadRequest);

        var replies = api.MapGroup("/saved-replies").WithTags("Saved replies")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        replies.MapGet("", (HttpRequest request, ListSavedReplies handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ListSavedReplies))
            .WithSummary("The calling agent's own saved replies, by name, and the placeholders a body may use.")
            .Produces<SavedReplyList>();
        replies.MapPost("", (HttpRequest request, CreateSavedReply handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(CreateSavedReply))
            .WithSummary("A new saved reply {name, body}; a placeholder the renderer does not know is a 400 naming it.")
            .Accepts<SavedReplyBody>("application/json").Produces<SavedReplyView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        replies.MapPut("/{id}", (HttpRequest request, string id, UpdateSavedReply handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(UpdateSavedReply))
            .WithSummary("Replaces name and body of one of the caller's saved replies.")
            .Accepts<SavedReplyBody>("application/json").Produces<SavedReplyView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        replies.MapDelete("/{id}", (HttpRequest request, string id, DeleteSavedReply handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(DeleteSavedReply))
            .WithSummary("Deletes one of the caller's saved replies.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/conversations/{id}/saved-replies/{replyId}/render",
                (HttpRequest request, string id, string replyId, RenderSavedReply handler, CancellationToken ct) => handler.HandleAsync(request, id, replyId, ct))
            .WithName(nameof(RenderSavedReply)).WithTags("Saved replies")
            .WithSummary("The caller's saved reply with its placeholders filled in for this conversation.")
            .Produces<RenderedReply>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapDrafts(RouteGroupBuilder api, RouteGroupBuilder conversations)
    {
        conversations.MapPost("/{id}/drafts", (HttpRequest request, string id, SubmitDraft handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(SubmitDraft))
            .WithSummary("Submits a reply for approval (the body of a reply). Anyone may; trainees must. It waits in the approval queue.")
            .Accepts<ReplyRequest>("application/json").Produces<DraftView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        conversations.MapGet("/{id}/drafts", (HttpRequest request, string id, ListConversationDrafts handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(ListConversationDrafts))
            .WithSummary("The conversation's drafts in every state, oldest first.")
            .Produces<ConversationDrafts>();

        var drafts = api.MapGroup("/drafts").WithTags("Drafts")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        drafts.MapGet("", (HttpRequest request, ListDrafts handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ListDrafts))
            .WithSummary("The approval queue (submitted drafts, oldest first); for trainees, or with mine=true, the caller's own drafts (state? submitted|returned|approved).")
            .Produces<DraftList>().ProducesProblem(StatusCodes.Status400BadRequest);
        drafts.MapPut("/{id}", (HttpRequest request, string id, UpdateDraft handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(UpdateDraft))
            .WithSummary("The author replaces a submitted or returned draft and (re)submits it.")
            .Accepts<ReplyRequest>("application/json").Produces<DraftView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        drafts.MapPost("/{id}/approve", (HttpRequest request, string id, ApproveDraft handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(ApproveDraft))
            .WithSummary("Sends a submitted draft, optionally edited (text, html, cc, statusAfter; version = the draft version read). If-Match with the conversation's ETag. Not trainees.")
            .Accepts<ApproveDraftRequest>("application/json").Produces<DraftApproved>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        drafts.MapPost("/{id}/return", (HttpRequest request, string id, ReturnDraft handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(ReturnDraft))
            .WithSummary("Returns a submitted draft to its author with a comment (they are emailed). Not trainees.")
            .Accepts<ReturnDraftRequest>("application/json").Produces<DraftView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapReplies(RouteGroupBuilder api, RouteGroupBuilder conversations)
    {
        conversations.MapPost("/{id}/replies", (HttpRequest request, string id, SendReply handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(SendReply))
            .WithSummary("Sends a reply (text, html?, cc?, attachments? [{name, contentType, contentBase64}], statusAfter? open|pending|closed, default pending). "
                + "Needs If-Match with the conversation's ETag (428 without; 409 with the new messages when stale); Idempotency-Key makes retries safe. Trainees get 403.")
            .Accepts<ReplyRequest>("application/json").Produces<MessageView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        conversations.MapPost("/{id}/messages/{messageId}/retry",
                (HttpRequest request, string id, string messageId, RetryDelivery handler, CancellationToken ct) => handler.HandleAsync(request, id, messageId, ct))
            .WithName(nameof(RetryDelivery))
            .WithSummary("Sends a failed reply again (back to sending). 409 unless the reply is failed.")
            .Produces<MessageView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        conversations.MapPost("/{id}/calls", (HttpRequest request, string id, LogCall handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(LogCall))
            .WithSummary("Logs a phone call: recap, direction inbound|outbound, durationMinutes?, emailToCustomer? (sends the recap as your reply; not for trainees).")
            .Accepts<CallRequest>("application/json").Produces<CallLogged>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        // A group of its own, so that it is listed after the older groups rather than among the routes mapped on /api itself.
        var events = api.MapGroup("/events").WithTags("Delivery events");
        events.MapPost("/sendgrid", (HttpRequest request, ReceiveDeliveryEvents handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ReceiveDeliveryEvents))
            .WithSummary("SendGrid's Signed Event Webhook (processed, deferred, delivered, bounce, dropped, open). ECDSA signature and a recent timestamp required.")
            .Accepts<JsonElementList>("application/json").Produces<DeliveryEventsReceived>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>The shape of an Event Webhook post, for the API reference: an array of event objects.</summary>
    public sealed class JsonElementList : List<System.Text.Json.JsonElement>;

    private static void MapOnCall(RouteGroupBuilder oncall)
    {
        var agents = oncall.MapGroup("").ProducesProblem(StatusCodes.Status401Unauthorized);
        agents.MapGet("/schedules", (HttpRequest request, ListSchedules handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ListSchedules))
            .WithSummary("Every schedule, by name.")
            .Produces<ScheduleList>();
        agents.MapPost("/schedules", (HttpRequest request, CreateSchedule handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(CreateSchedule))
            .WithSummary("A new schedule: name, timeZoneId, layers. Admins only. 400 names each bad field (errors, field).")
            .Accepts<ScheduleBody>("application/json").Produces<ScheduleView>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        agents.MapGet("/schedules/{id}", (HttpRequest request, string id, GetSchedule handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(GetSchedule))
            .WithSummary("A schedule with its layers and overrides; the ETag a PUT must send as If-Match.")
            .Produces<ScheduleView>().ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapPut("/schedules/{id}", (HttpRequest request, string id, UpdateSchedule handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(UpdateSchedule))
            .WithSummary("Replaces name, zone and layers; needs If-Match. A stale ETag is a 409. Admins only.")
            .Accepts<ScheduleBody>("application/json").Produces<ScheduleView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        agents.MapDelete("/schedules/{id}", (HttpRequest request, string id, DeleteSchedule handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(DeleteSchedule))
            .WithSummary("Deletes the schedule, its overrides and its calendar feed. Admins only.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapPost("/schedules/{id}/overrides", (HttpRequest request, string id, AddOverride handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(AddOverride))
            .WithSummary("agentId covers [start, end) whatever the layers say. Admins only.")
            .Accepts<OverrideBody>("application/json").Produces<OverrideView>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapDelete("/schedules/{id}/overrides/{overrideId}",
                (HttpRequest request, string id, string overrideId, RemoveOverride handler, CancellationToken ct) => handler.HandleAsync(request, id, overrideId, ct))
            .WithName(nameof(RemoveOverride))
            .WithSummary("Removes an override. Admins only.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapGet("/schedules/{id}/timeline", (HttpRequest request, string id, GetTimeline handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(GetTimeline))
            .WithSummary("Who is on call over [from, to) (default: now to 14 days ahead, at most 62 days), gaps included, with local times.")
            .Produces<TimelineView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapGet("/now", (HttpRequest request, GetOnCallNow handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(GetOnCallNow))
            .WithSummary("For every schedule: who is on call now, until when, and who is next.")
            .Produces<OnCallNow>();
        agents.MapPost("/schedules/{id}/calendar-token",
                (HttpRequest request, string id, IssueScheduleCalendarToken handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(IssueScheduleCalendarToken))
            .WithSummary("A new secret iCalendar URL for the schedule, shown once; the previous one stops working.")
            .Produces<CalendarTokenIssued>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapDelete("/schedules/{id}/calendar-token",
                (HttpRequest request, string id, RevokeScheduleCalendarToken handler, CancellationToken ct) => handler.HandleAsync(request, id, ct))
            .WithName(nameof(RevokeScheduleCalendarToken))
            .WithSummary("The schedule's iCalendar URL stops working.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapPost("/agents/{agentId}/calendar-token",
                (HttpRequest request, string agentId, IssueAgentCalendarToken handler, CancellationToken ct) => handler.HandleAsync(request, agentId, ct))
            .WithName(nameof(IssueAgentCalendarToken))
            .WithSummary("A new secret iCalendar URL of the agent's shifts in every schedule, shown once. The agent or an admin.")
            .Produces<CalendarTokenIssued>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapDelete("/agents/{agentId}/calendar-token",
                (HttpRequest request, string agentId, RevokeAgentCalendarToken handler, CancellationToken ct) => handler.HandleAsync(request, agentId, ct))
            .WithName(nameof(RevokeAgentCalendarToken))
            .WithSummary("The agent's iCalendar URL stops working. The agent or an admin.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        agents.MapGet("/policies", (HttpRequest request, ListEscalationPolicies handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ListEscalationPolicies))
            .WithSummary("Every mailbox with its escalation policy (null: nobody is paged).")
            .Produces<PolicyList>();
        agents.MapGet("/policies/{mailbox}", (HttpRequest request, string mailbox, GetEscalationPolicy handler, CancellationToken ct) => handler.HandleAsync(request, mailbox, ct))
            .WithName(nameof(GetEscalationPolicy))
            .WithSummary("A mailbox's escalation policy and the ETag a PUT sends as If-Match.")
            .Produces<PolicyView>().ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapPut("/policies/{mailbox}", (HttpRequest request, string mailbox, PutEscalationPolicy handler, CancellationToken ct) => handler.HandleAsync(request, mailbox, ct))
            .WithName(nameof(PutEscalationPolicy))
            .WithSummary("Creates (no If-Match) or replaces (If-Match) a mailbox's escalation policy: targetFirstResponse, levels, repeat, afterHours, supportHours. Admins only.")
            .Accepts<PolicyBody>("application/json").Produces<PolicyView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        agents.MapGet("/pages", (HttpRequest request, ListPages handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(ListPages))
            .WithSummary("Pages sent, newest first: to whom, by which channel, about which conversations, acknowledged by whom. Query: conversationId, limit, continuationToken.")
            .Produces<PageLogPage>().ProducesProblem(StatusCodes.Status400BadRequest);
        agents.MapPut("/agents/{agentId}/paging", (HttpRequest request, string agentId, SetPagingSettings handler, CancellationToken ct) => handler.HandleAsync(request, agentId, ct))
            .WithName(nameof(SetPagingSettings))
            .WithSummary("The agent's page webhook (Slack/Teams-compatible; null clears it). The agent or an admin.")
            .Accepts<PagingSettingsBody>("application/json").Produces<PagingSettingsView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        oncall.MapGet("/acknowledge/{token}", (HttpRequest request, string token, ShowPageAcknowledgement handler, CancellationToken ct) => handler.HandleAsync(request, token, ct))
            .WithName(nameof(ShowPageAcknowledgement))
            .WithSummary("A page's acknowledge link: a page with a button (link previews must not acknowledge). The signed token is the credential; 404 unknown, 410 used.")
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status410Gone);
        oncall.MapPost("/acknowledge/{token}", (HttpRequest request, string token, AcknowledgePage handler, CancellationToken ct) => handler.HandleAsync(request, token, ct))
            .WithName(nameof(AcknowledgePage))
            .WithSummary("Acknowledges the page once: escalation stops for every conversation it listed. 404 unknown or tampered, 410 already used.")
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status410Gone);

        oncall.MapGet("/calendars/{token}.ics", (HttpRequest request, string token, GetCalendarFeed handler, CancellationToken ct) => handler.HandleAsync(request, token, ct))
            .WithName(nameof(GetCalendarFeed))
            .WithSummary("iCalendar feed (text/calendar) for calendar apps; the secret token in the URL is the only credential.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound);
    }
}
