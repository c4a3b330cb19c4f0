using Switchboard.Core.Conversations;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Conversations;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// <c>POST /api/conversations/{id}/presence</c> {state}: a heartbeat, answered with who else has the conversation open. The web app beats every ~15 s while the page is open (<c>replying</c> while its
/// composer holds text); a beat older than <see cref="Fresh"/> no longer counts, by the injected clock. A beat also
/// marks the conversation read for the caller up to its current activity (the inbox's unread markers).
/// </summary>
public sealed class BeatPresence(
    ConversationStore conversations, PresenceStore presence, ReadMarkStore reads, Teammates team, TimeProvider time)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(40);
    public static readonly IReadOnlyList<string> States = ["viewing", "replying"];

    public async Task<IResult> HandleAsync(Agent agent, string id, PresenceBeat body, CancellationToken cancellationToken = default)
    {
        if (body.State is not { } state || !States.Contains(state))
        {
            return Problems.BadRequest("state must be viewing or replying.", "state");
        }
        if (await conversations.GetHeadAsync(id, cancellationToken) is not { } head)
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }
        var me = await team.CallerAsync(agent, cancellationToken);
        var myId = me?.Id ?? agent.Id;
        var now = time.GetUtcNow();
        await presence.BeatAsync(id, myId, me?.DisplayName ?? agent.Name ?? myId, state, now, cancellationToken);
        await reads.MarkAsync(myId, id, head.LastActivityAt, cancellationToken);
        return Results.Ok(await OthersAsync(id, myId, now, cancellationToken));
    }

    private async Task<PresenceList> OthersAsync(string id, string myId, DateTimeOffset now, CancellationToken cancellationToken) =>
        new([.. (await presence.SinceAsync(id, now - Fresh, cancellationToken))
            .Where(p => p.AgentId != myId)
            .OrderBy(p => p.Name)
            .Select(p => new PresenceView(p.AgentId, p.Name, p.State, p.SeenAt))]);
}

public sealed record PresenceBeat(string? State);

public sealed record PresenceView(string AgentId, string Name, string State, DateTimeOffset SeenAt);

public sealed record PresenceList(IReadOnlyList<PresenceView> Others);
