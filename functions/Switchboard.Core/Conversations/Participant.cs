namespace Switchboard.Core.Conversations;

/// <summary>Why a person is in a conversation.</summary>
public enum ParticipantRole
{
    /// <summary>Whoever wrote in (or, for mail we started, whoever we wrote to): replies go to them.</summary>
    Customer,

    /// <summary>Copied by the customer or by the team; receives nothing unless copied again.</summary>
    Cc,

    /// <summary>Wrote into the conversation without being the customer.</summary>
    Participant,
}

/// <summary>
/// A person in a conversation. <paramref name="Flagged"/>: joined by writing in without being the customer, so the
/// agent notices before replying. Addresses compare case-insensitively.
/// </summary>
public sealed record Participant(string Email, string? Name, ParticipantRole Role, bool Flagged)
{
    public bool Is(string? address) => SameAddress(Email, address);

    internal static bool SameAddress(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}

public static class ParticipantRoles
{
    /// <summary>The stored and API form: customer, cc, participant.</summary>
    public static string ToWire(this ParticipantRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Unknown roles read as <see cref="ParticipantRole.Cc"/>, the role that grants nothing.</summary>
    public static ParticipantRole Parse(string? value) =>
        Enum.TryParse<ParticipantRole>(value, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(value, out _)
            ? role
            : ParticipantRole.Cc;
}
