using Switchboard.Core;
using Switchboard.Handlers.Phone;

namespace Switchboard.Functions.Phone;

public sealed class PhoneFunctions(
    AgentApi api,
    PoisonQueue poisonQueue,
    ContactMethods contactMethods,
    ReceiveTwilioSms receiveTwilioSms,
    ReceiveTwilioVoice receiveTwilioVoice,
    ListDevPhone listDevPhone,
    RunPageNotification runPageNotification)
{
    [Function("GetNotificationSettings")]
    [Api("On call", "How the agent is paged: page webhook, phone contact methods (sms, voice) and notification rules. The agent or an admin.", typeof(NotificationSettingsView), Problems = [401, 403, 404])]
    public Task<IResult> GetNotificationSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/agents/{agentId}/notifications")] HttpRequest request,
        string agentId, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => contactMethods.GetAsync(agent, agentId, cancellationToken), cancellationToken);

    [Function("PutContactMethod")]
    [Api("On call", "Sets the agent's sms or voice number (E.164, unverified) and texts it a 6-digit code, valid 10 minutes; at most 3 codes an hour (429).", typeof(ContactMethodView), Status = 202, Body = typeof(ContactMethodBody), Problems = [400, 401, 403, 404, 409, 429, 503])]
    public Task<IResult> PutContactMethod(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/oncall/agents/{agentId}/contacts/{channel}")] HttpRequest request,
        string agentId, string channel, CancellationToken cancellationToken) =>
        api.RunAsync<ContactMethodBody>(request, Callers.AnyAgent,
            (agent, body) => contactMethods.PutAsync(agent, agentId, channel, body, cancellationToken), cancellationToken);

    [Function("VerifyContactMethod")]
    [Api("On call", "Verifies the number with the code texted to it (5 tries per code).", typeof(ContactMethodView), Body = typeof(VerifyContactBody), Problems = [400, 401, 403, 404, 409])]
    public Task<IResult> VerifyContactMethod(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/oncall/agents/{agentId}/contacts/{channel}/verify")] HttpRequest request,
        string agentId, string channel, CancellationToken cancellationToken) =>
        api.RunAsync<VerifyContactBody>(request, Callers.AnyAgent,
            (agent, body) => contactMethods.VerifyAsync(agent, agentId, channel, body, cancellationToken), cancellationToken);

    [Function("DeleteContactMethod")]
    [Api("On call", "Removes the agent's sms or voice number (rules naming it then fall through).", Status = 204, Problems = [401, 403, 404])]
    public Task<IResult> DeleteContactMethod(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/oncall/agents/{agentId}/contacts/{channel}")] HttpRequest request,
        string agentId, string channel, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => contactMethods.DeleteAsync(agent, agentId, channel, cancellationToken), cancellationToken);

    [Function("PutNotificationRules")]
    [Api("On call", "Replaces the agent's notification rules: [{channel: sms|voice, afterMinutes: 0–120}], each on a verified number, at most 6.", typeof(IReadOnlyList<NotificationRule>), Body = typeof(NotificationRulesBody), Problems = [400, 401, 403, 404])]
    public Task<IResult> PutNotificationRules(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/oncall/agents/{agentId}/rules")] HttpRequest request,
        string agentId, CancellationToken cancellationToken) =>
        api.RunAsync<NotificationRulesBody>(request, Callers.AnyAgent,
            (agent, body) => contactMethods.PutRulesAsync(agent, agentId, body, cancellationToken), cancellationToken);

    [Function(nameof(ReceiveTwilioSms))]
    [Api("Webhooks", "Twilio's inbound SMS webhook (form post, X-Twilio-Signature checked; 403 otherwise): 4 acknowledges the page last texted to the sender, 6 escalates it now. Answers TwiML.", typeof(string), ContentType = "application/xml")]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    public Task<IResult> ReceiveTwilioSms(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/twilio/sms")] HttpRequest request,
        CancellationToken cancellationToken) =>
        receiveTwilioSms.HandleAsync(request, cancellationToken);

    [Function(nameof(ReceiveTwilioVoice))]
    [Api("Webhooks", "Twilio's keypress webhook of a page call (form post, X-Twilio-Signature checked; 403 otherwise): Digits 4 acknowledges, 6 escalates now. Answers TwiML.", typeof(string), ContentType = "application/xml")]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    public Task<IResult> ReceiveTwilioVoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/twilio/voice/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        receiveTwilioVoice.HandleAsync(request, token, cancellationToken);

    [Function(nameof(ListDevPhone))]
    [Api("Development", "Development only: the texts and calls the phone sink recorded, newest first (404 unless Twilio:Sender is sink).", typeof(DevPhoneList), Problems = [401, 404])]
    public Task<IResult> ListDevPhone(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dev/phone")] HttpRequest request,
        CancellationToken cancellationToken) =>
        listDevPhone.HandleAsync(request, cancellationToken);

    [Function(nameof(RunPageNotification))]
    public Task RunPageNotification([QueueTrigger(QueueNames.PageNotifications)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.PageNotifications, message, runPageNotification.HandleAsync, cancellationToken);
}
