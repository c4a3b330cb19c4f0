using Switchboard.Core.Conversations;
using Switchboard.Handlers.Auth;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// <c>GET /api/assignees</c>: the active agents a conversation can be assigned to or a note can mention (any agent may
/// read it, unlike the admin's team list), and <c>me</c>: the caller's own agent id (null for an API key).
/// </summary>
public sealed class ListAssignees(Teammates team)
{
    public async Task<IResult> HandleAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        var me = await team.CallerAsync(agent, cancellationToken);
        var items = (await team.AllActiveAsync(cancellationToken))
            .Select(a => new AssigneeView(a.Id, a.DisplayName, a.Email, [.. Mentions.HandlesOf(a.DisplayName, a.Email)]))
            .ToList();
        return Results.Ok(new AssigneeList(me?.Id, items));
    }
}

public sealed record AssigneeView(string Id, string Name, string Email, IReadOnlyList<string> Handles);

public sealed record AssigneeList(string? Me, IReadOnlyList<AssigneeView> Items);
