using Switchboard.Handlers.Auth;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// <c>PATCH /api/auth/me/preferences</c>: the signed-in agent's own preferences (so far: email me new conversations).
/// API keys and the bootstrap key are not agents with a mailbox: 409.
/// </summary>
public sealed class UpdatePreferences(AgentStore agents)
{
    private const int MaxAttempts = 5;

    public async Task<IResult> HandleAsync(Agent agent, PreferencesChange body, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var member = agent.Via == Agent.ViaSession ? await agents.GetAsync(agent.Id, cancellationToken) : null;
            if (member is null)
            {
                return Problems.Conflict("Preferences belong to agents who sign in; an API key has none.");
            }
            member.NotifyNewConversations = body.NotifyNewConversations ?? member.NotifyNewConversations;
            if (await agents.TryReplaceAsync(member, cancellationToken))
            {
                return Results.Ok(new Preferences(member.NotifyNewConversations));
            }
        }
        return Problems.Conflict("Your profile kept changing; try again.");
    }
}

/// <summary>The body of <c>PATCH /api/auth/me/preferences</c>; absent fields stay as they are.</summary>
public sealed record PreferencesChange(bool? NotifyNewConversations);

public sealed record Preferences(bool NotifyNewConversations);
