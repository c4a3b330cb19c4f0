namespace Switchboard.Core.Team;

/// <summary>What an agent may do: admins manage the team and keys; agents answer; trainees answer through approval.</summary>
public static class AgentRoles
{
    public const string Admin = "admin";
    public const string Agent = "agent";
    public const string Trainee = "trainee";

    public static readonly IReadOnlyList<string> All = [Admin, Agent, Trainee];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}

/// <summary>
/// An agent is <c>invited</c> until they first follow a sign-in link, then <c>active</c>; a <c>disabled</c> agent
/// cannot sign in and their sessions are revoked.
/// </summary>
public static class AgentStatuses
{
    public const string Invited = "invited";
    public const string Active = "active";
    public const string Disabled = "disabled";
}
