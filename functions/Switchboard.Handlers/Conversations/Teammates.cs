using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// The team as conversations see it: who may be assigned or mentioned (active agents), and who the caller is as a
/// teammate. A session is its agent; the bootstrap key acts as the first admin (its email); an API key is nobody.
/// </summary>
public sealed class Teammates(AgentStore agents)
{
    public async Task<AgentEntity?> CallerAsync(Agent caller, CancellationToken cancellationToken = default) => caller.Via switch
    {
        Agent.ViaSession => await agents.GetAsync(caller.Id, cancellationToken),
        Agent.ViaBootstrapKey when caller.Email is { Length: > 0 } email => await agents.FindByEmailAsync(email, cancellationToken),
        _ => null,
    };

    /// <summary>The id under which the caller's own things (mine, read marks, presence) are kept.</summary>
    public async Task<string> CallerIdAsync(Agent caller, CancellationToken cancellationToken = default) =>
        (await CallerAsync(caller, cancellationToken))?.Id ?? caller.Id;

    public async Task<AgentEntity?> ActiveAsync(string id, CancellationToken cancellationToken = default) =>
        await agents.GetAsync(id, cancellationToken) is { Status: AgentStatuses.Active } agent ? agent : null;

    public async Task<IReadOnlyList<AgentEntity>> AllActiveAsync(CancellationToken cancellationToken = default) =>
        [.. (await agents.ListAsync(cancellationToken)).Agents.Where(a => a.Status == AgentStatuses.Active).OrderBy(a => a.DisplayName)];
}
