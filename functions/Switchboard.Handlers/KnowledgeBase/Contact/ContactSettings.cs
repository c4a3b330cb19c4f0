using Switchboard.Handlers.Auth;
using Switchboard.Handlers.KnowledgeBase.Site;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase.Contact;

/// <summary>
/// What the contact page states (support hours, expected response time) and the confirmation a visitor gets after
/// writing in: a note from people, in the team's words. <c>{{name}}</c>, <c>{{subject}}</c>, <c>{{supportHours}}</c>
/// and <c>{{responseTime}}</c> are filled in.
/// </summary>
public sealed record ContactSettings(string SupportHours, string ResponseTime, string ConfirmationSubject, string ConfirmationBody)
{
    public static readonly ContactSettings Default = new(
        "Monday to Friday, 9:00 to 17:00",
        "within one business day",
        "We got your message: {{subject}}",
        "Hi {{name}},\n\nthanks for writing to us. Your message is with our support team now, and one of us will read it and answer you personally {{responseTime}} (we are here {{supportHours}}).\n\nIf you want to add anything, just reply to this email: it goes straight to the same conversation.\n\nTalk soon,\nThe support team");

    public static ContactSettings Of(ContactSettingsEntity? e) =>
        e is null ? Default : new(e.SupportHours, e.ResponseTime, e.ConfirmationSubject, e.ConfirmationBody);

    /// <summary>The template with the visitor's name and subject filled in.</summary>
    public (string Subject, string Body) Confirmation(string name, string subject)
    {
        string Fill(string template) => template
            .Replace("{{name}}", name, StringComparison.Ordinal)
            .Replace("{{subject}}", subject, StringComparison.Ordinal)
            .Replace("{{supportHours}}", SupportHours, StringComparison.Ordinal)
            .Replace("{{responseTime}}", ResponseTime, StringComparison.Ordinal);
        return (Fill(ConfirmationSubject).ReplaceLineEndings(" "), Fill(ConfirmationBody));
    }
}

public sealed record ContactSettingsInput(string? SupportHours, string? ResponseTime, string? ConfirmationSubject, string? ConfirmationBody);

/// <summary><c>GET /api/kb/contact-settings</c>: the contact page's hours and response time, and the confirmation template.</summary>
public sealed class GetContactSettings(ContactSettingsStore store)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default) =>
        Results.Ok(ContactSettings.Of(await store.GetAsync(cancellationToken)));
}

/// <summary><c>PUT /api/kb/contact-settings</c>: saves them (every field required) and republishes the contact page.</summary>
public sealed class PutContactSettings(ContactSettingsStore store, KbPublishRequests site, TimeProvider time)
{
    public async Task<IResult> HandleAsync(Agent agent, ContactSettingsInput input, CancellationToken cancellationToken = default)
    {
        foreach (var (field, value, max) in new[]
        {
            ("supportHours", input.SupportHours, 200), ("responseTime", input.ResponseTime, 200),
            ("confirmationSubject", input.ConfirmationSubject, 200), ("confirmationBody", input.ConfirmationBody, 5000),
        })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
            {
                return Problems.BadRequest($"{field} is required, at most {max} characters.", field);
            }
        }
        await store.SaveAsync(new ContactSettingsEntity
        {
            SupportHours = input.SupportHours!.Trim(), ResponseTime = input.ResponseTime!.Trim(),
            ConfirmationSubject = input.ConfirmationSubject!.Trim(), ConfirmationBody = input.ConfirmationBody!.Trim(),
            UpdatedBy = agent.Name ?? agent.Id, UpdatedAt = time.GetUtcNow(),
        }, cancellationToken);
        await site.RequestAsync(cancellationToken);
        return Results.Ok(ContactSettings.Of(await store.GetAsync(cancellationToken)));
    }
}
