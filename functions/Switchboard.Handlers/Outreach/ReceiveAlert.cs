using System.Text.Json;
using Switchboard.Core.Outreach;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Escalation;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.Outreach;

namespace Switchboard.Handlers.Outreach;

/// <summary>
/// <c>POST /api/alerts</c> (an API key): an error the product hit for one customer. It joins the customer's open group
/// or opens a new one (<see cref="OutreachGroups"/>: an outreach conversation and a draft from the team's template,
/// reviewed and sent by an agent), and, at or above <c>Outreach:PageSeverity</c>, pages level 1 of the mailbox's
/// escalation policy at once, through the escalation engine (email, webhook, the person's texts and calls). Storm
/// limits bound new drafts and pages per window; a group pages once.
/// </summary>
public sealed class ReceiveAlert(
    OutreachGroups groups, OutreachStore store, EscalationPolicyStore policies, EscalationEngine escalation,
    IOptions<OutreachOptions> options, TimeProvider time)
{
    public const long MaxBodyBytes = 1024 * 1024;

    public async Task<IResult> HandleAsync(Agent agent, JsonDocument body, CancellationToken cancellationToken = default)
    {
        using var _ = body;
        var (alert, problem, field) = AlertShapes.Read(body.RootElement);
        if (alert is null)
        {
            return Problems.BadRequest(problem!, field);
        }
        string email;
        var name = alert.CustomerName;
        if (alert.CustomerEmail is { } given)
        {
            email = given;
            if (alert.CustomerExternalId is { } externalId)
            {
                await store.RememberExternalIdAsync(externalId, email, name, cancellationToken);
            }
        }
        else if (await store.FindExternalIdAsync(alert.CustomerExternalId!, cancellationToken) is { } known)
        {
            (email, name) = (known.Email, name ?? known.Name);
        }
        else
        {
            return Problems.BadRequest(
                $"No address is known for customer.externalId '{alert.CustomerExternalId}': send customer.email with it once.", "customer.externalId");
        }

        var result = await groups.AddAsync(agent, alert with { CustomerEmail = email, CustomerName = name }, cancellationToken);
        var paged = result.Group is { } group && alert.Severity >= options.Value.PageLevel && await PageAsync(group, cancellationToken);
        return Results.Json(
            new AlertReceived(result.Outcome, result.Group?.ConversationId, result.Group?.DraftId, result.Repeat, result.Group?.Count ?? 0, paged, alert.Source),
            statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>Pages about the group once, within the storm limit, if the mailbox has an escalation policy.</summary>
    private async Task<bool> PageAsync(OutreachGroupEntity group, CancellationToken cancellationToken)
    {
        if (group.PagedAt is not null || await policies.GetAsync(groups.Mailbox, cancellationToken) is null)
        {
            return false;
        }
        var now = time.GetUtcNow();
        if (!await store.TryTakeAsync("pages", OutreachLimits.WindowStart(now, options.Value.StormWindow), options.Value.MaxPagesPerWindow, cancellationToken))
        {
            return false;
        }
        if (!await groups.MarkPagedAsync(group.CustomerEmail, group.ConversationId, now, cancellationToken))
        {
            return false; // another alert of the group pages
        }
        return await escalation.StartNowAsync(group.ConversationId, groups.Mailbox, await groups.SubjectAsync(group, cancellationToken),
            group.CustomerEmail, cancellationToken);
    }
}
