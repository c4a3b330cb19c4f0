using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Team;

public sealed record AgentView(string Id, string Email, string Name, string Role, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ActivatedAt)
{
    public static AgentView Of(AgentEntity agent) =>
        new(agent.Id, agent.Email, agent.DisplayName, agent.Role, agent.Status, agent.CreatedAt, agent.ActivatedAt);
}

public sealed record AgentList(IReadOnlyList<AgentView> Items);
