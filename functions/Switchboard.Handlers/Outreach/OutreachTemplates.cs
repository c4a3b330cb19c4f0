using Switchboard.Core.Outreach;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Outreach;

namespace Switchboard.Handlers.Outreach;

/// <summary>
/// <c>GET /api/outreach/template</c> (any agent) and <c>PUT /api/outreach/template</c> (admins): the words outreach
/// drafts start from. Until an admin saves one, <see cref="OutreachTemplate.Default"/> is used.
/// </summary>
public sealed class OutreachTemplates(OutreachStore store, TimeProvider time)
{
    public async Task<OutreachTemplate> CurrentAsync(CancellationToken cancellationToken = default) =>
        await store.GetTemplateAsync(cancellationToken) is { } row
            ? new OutreachTemplate(row.GetString("Subject") ?? "", row.GetString("Body") ?? "")
            : OutreachTemplate.Default;

    public async Task<IResult> GetAsync(Agent agent, CancellationToken cancellationToken = default) =>
        Results.Ok(await ViewAsync(cancellationToken));

    public async Task<IResult> PutAsync(Agent agent, OutreachTemplateBody body, CancellationToken cancellationToken = default)
    {
        var template = new OutreachTemplate(body.Subject?.Trim() ?? "", body.Body?.Trim() ?? "");
        if (template.Validate() is { Count: > 0 } problems)
        {
            return Results.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                title: "The template is not valid.");
        }
        await store.SaveTemplateAsync(template.Subject, template.Body, agent.Name ?? agent.Email ?? agent.Id, time.GetUtcNow(), cancellationToken);
        return Results.Ok(await ViewAsync(cancellationToken));
    }

    private async Task<OutreachTemplateView> ViewAsync(CancellationToken cancellationToken)
    {
        var row = await store.GetTemplateAsync(cancellationToken);
        var template = await CurrentAsync(cancellationToken);
        return new OutreachTemplateView(template.Subject, template.Body, [.. OutreachTemplate.Placeholders.Select(p => "{" + p + "}")],
            row?.GetDateTimeOffset("UpdatedAt"), row?.GetString("UpdatedBy"));
    }
}
