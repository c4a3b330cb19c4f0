using Azure;
using Switchboard.Core.Escalation;
using Switchboard.Core.Inbound;
using Switchboard.Core.OnCall;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.Escalation;

/// <summary><c>GET /api/oncall/policies</c>: every mailbox we receive for, with its escalation policy or null.</summary>
public sealed class ListEscalationPolicies(EscalationPolicyStore policies, Mailboxes mailboxes)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        var stored = (await policies.ListAsync(cancellationToken)).ToDictionary(p => p.Policy.Mailbox, StringComparer.OrdinalIgnoreCase);
        var items = mailboxes.All.Select(m => stored.TryGetValue(m, out var p) ? PolicyRequests.View(p) : new PolicyView(m, null, null, null)).ToList();
        return Results.Json(new PolicyList(items), OnCallJson.Options);
    }
}

/// <summary><c>GET /api/oncall/policies/{mailbox}</c>: the mailbox's policy and its ETag; 404 for a mailbox that is not ours or has none.</summary>
public sealed class GetEscalationPolicy(EscalationPolicyStore policies, Mailboxes mailboxes)
{
    public async Task<IResult> HandleAsync(string mailbox, CancellationToken cancellationToken = default)
    {
        if (PolicyRequests.Mailbox(mailboxes, mailbox) is not { } ours || await policies.GetAsync(ours, cancellationToken) is not { } stored)
        {
            return Problems.NotFound($"Mailbox '{mailbox}' has no escalation policy.");
        }
        return Results.Json(PolicyRequests.View(stored), OnCallJson.Options).WithETag(stored.ETag.ToString());
    }
}

/// <summary>
/// <c>PUT /api/oncall/policies/{mailbox}</c>: creates the policy (no If-Match) or replaces it (If-Match = the ETag read;
/// stale → 409, missing when one exists → 428). Admins only; 400 names each bad field.
/// </summary>
public sealed class PutEscalationPolicy(EscalationPolicyStore policies, ScheduleStore schedules, Mailboxes mailboxes, TimeProvider time)
{
    public async Task<IResult> HandleAsync(string mailbox, PolicyEdit edit, CancellationToken cancellationToken = default)
    {
        if (PolicyRequests.Mailbox(mailboxes, mailbox) is not { } ours)
        {
            return Problems.NotFound($"'{mailbox}' is not one of our mailboxes ({string.Join(", ", mailboxes.All)}).");
        }
        var body = edit.Body;
        var policy = new EscalationPolicy(ours, body.TargetFirstResponse ?? EscalationPolicy.DefaultTarget,
            body.Levels is null ? [] : [.. body.Levels.Select(l => l is null ? null! : new EscalationLevel(l.EscalateAfter ?? TimeSpan.Zero,
                l.ScheduleId is { Length: > 0 } s ? s.Trim() : null, [.. (l.AgentIds ?? []).Select(a => a ?? "")]))],
            body.Repeat ?? 0, body.AfterHours ?? AfterHoursRule.Page, body.SupportHours);
        var problems = policy.Validate().ToList();
        for (var i = 0; i < policy.Levels.Count; i++)
        {
            if (policy.Levels[i]?.ScheduleId is { } scheduleId && await schedules.GetAsync(scheduleId, cancellationToken) is null)
            {
                problems.Add(new($"levels[{i}].scheduleId", $"There is no schedule '{scheduleId}'."));
            }
        }
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(ScheduleProblem.ToErrors(problems), detail: string.Join(" ", problems.Select(p => p.Message)),
                extensions: new Dictionary<string, object?> { ["field"] = problems[0].Field });
        }
        var existing = await policies.GetAsync(ours, cancellationToken);
        var ifMatch = edit.IfMatch is { } header ? new ETag(header) : (ETag?)null;
        if (existing is not null && ifMatch is null)
        {
            return Problems.PreconditionRequired("The mailbox has a policy: send the ETag you read as If-Match.", "If-Match");
        }
        var now = time.GetUtcNow();
        if (await policies.SaveAsync(policy, ifMatch, now, cancellationToken) is not { } etag)
        {
            return Problems.Conflict($"The policy of '{ours}' was changed since you read it. Read it again, then reapply your edit.");
        }
        return Results.Json(new PolicyView(ours, policy, etag.ToString(), now), OnCallJson.Options).WithETag(etag.ToString());
    }
}

/// <summary>
/// A policy to save: the body (read with <see cref="OnCallJson.Options"/>) and the If-Match sent, if any — only the
/// handler knows whether one is required (a policy exists), so its absence is not a 428 here.
/// </summary>
public sealed record PolicyEdit(PolicyBody Body, string? IfMatch) : IRequestInput<PolicyEdit>
{
    public static async ValueTask<(PolicyEdit? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, invalid) = await JsonBody.ReadAsync<PolicyBody>(request, cancellationToken, OnCallJson.Options);
        return body is null
            ? (null, invalid)
            : (new PolicyEdit(body, request.Headers.IfMatch.FirstOrDefault() is { Length: > 0 } ifMatch ? ifMatch : null), null);
    }
}

internal static class PolicyRequests
{
    public static string? Mailbox(Mailboxes mailboxes, string mailbox) =>
        mailboxes.All.FirstOrDefault(m => string.Equals(m, mailbox.Trim(), StringComparison.OrdinalIgnoreCase));

    public static PolicyView View(StoredPolicy stored) => new(stored.Policy.Mailbox, stored.Policy, stored.ETag.ToString(), stored.UpdatedAt);
}
