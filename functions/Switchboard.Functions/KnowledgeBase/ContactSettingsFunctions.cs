using Switchboard.Handlers.KnowledgeBase.Contact;

namespace Switchboard.Functions.KnowledgeBase;

/// <summary>The contact page's support hours and response time, and the confirmation visitors get.</summary>
public sealed class ContactSettingsFunctions(AgentApi api, GetContactSettings getSettings, PutContactSettings putSettings)
{
    [Function(nameof(GetContactSettings))]
    [Api("Knowledge base", "The contact page's support hours and expected response time, and the confirmation template.", typeof(ContactSettings), Problems = [401])]
    public Task<IResult> GetContactSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/contact-settings")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getSettings.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(PutContactSettings))]
    [Api("Knowledge base", "Saves {supportHours, responseTime, confirmationSubject, confirmationBody} ({{name}}, {{subject}}, {{supportHours}}, {{responseTime}} are filled in); republishes the contact page.", typeof(ContactSettings), Body = typeof(ContactSettingsInput), Problems = [400, 401, 403])]
    public Task<IResult> PutContactSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/kb/contact-settings")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<ContactSettingsInput>(request, Callers.NotTrainee, (agent, input) => putSettings.HandleAsync(agent, input, cancellationToken), cancellationToken);
}
