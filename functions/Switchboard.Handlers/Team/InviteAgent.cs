using System.Net.Mail;
using System.Security.Cryptography;
using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Team;

/// <summary>
/// <c>POST /api/agents/invitations</c> {email, name, role}: adds the agent as invited and emails them a sign-in link
/// (valid 72 hours); following it makes them active. 409 when the address is already on the team. Admins only.
/// </summary>
public sealed class InviteAgent(AgentStore agents, SignInLinks links, TimeProvider time)
{
    /// <param name="baseUrl">Where the invitation's sign-in link points (<see cref="SignInLinks.BaseUrl"/>); 503 when null.</param>
    public async Task<IResult> HandleAsync(Agent admin, Invitation body, string? baseUrl, CancellationToken cancellationToken = default)
    {
        if (body.Email?.Trim() is not { Length: > 0 and <= 254 } raw || !MailAddress.TryCreate(raw, out var address) || address.Address != raw)
        {
            return Problems.BadRequest("email must be an email address, such as ada@example.com.", "email");
        }
        if (body.Name?.Trim() is not { Length: > 0 and <= 100 } name)
        {
            return Problems.BadRequest("name must be 1 to 100 characters.", "name");
        }
        if (!AgentRoles.IsKnown(body.Role))
        {
            return Problems.BadRequest($"role must be one of {string.Join(", ", AgentRoles.All)}.", "role");
        }
        if (baseUrl is null)
        {
            return Problems.Unavailable("Sign-in links are not configured on this server (Auth:PublicUrl).");
        }

        var agent = new AgentEntity
        {
            Id = NewId(),
            Email = AgentStore.Normalize(address.Address),
            DisplayName = name,
            Role = body.Role!,
            Status = AgentStatuses.Invited,
            CreatedAt = time.GetUtcNow(),
            InvitedBy = admin.Id,
        };
        if (!await agents.TryAddAsync(agent, cancellationToken))
        {
            return Problems.Conflict($"{agent.Email} is already on the team.", "email");
        }
        await links.SendInvitationAsync(baseUrl, agent, admin.Name ?? admin.Email ?? "An admin", cancellationToken);
        return Results.Created($"/api/agents/{agent.Id}", AgentView.Of(agent));
    }

    public static string NewId() => "a" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}

public sealed record Invitation(string? Email, string? Name, string? Role);
