namespace Switchboard.Core.Conversations;

/// <summary>What is special about one item of a conversation. Stored and sent over the API as kebab-case names.</summary>
[Flags]
public enum MessageFlags
{
    None = 0,

    /// <summary>Sent by a machine (out-of-office, list, bulk): never answered automatically, never reopens.</summary>
    AutoReply = 1 << 0,
    Bounce = 1 << 1,

    /// <summary>The MIME could not be read; the raw source is what there is.</summary>
    Unparsed = 1 << 2,

    /// <summary>One of our own Message-IDs came back in.</summary>
    OwnMessage = 1 << 3,

    /// <summary>Someone other than the customer wrote in for the first time.</summary>
    NewParticipant = 1 << 4,

    /// <summary>A trainee's draft, sent once a teammate approved it.</summary>
    ApprovedDraft = 1 << 5,
    CallInbound = 1 << 6,
    CallOutbound = 1 << 7,

    /// <summary>A trainee answered a notification by mail: kept as a note, not sent.</summary>
    TraineeMailReply = 1 << 8,

    /// <summary>Mail claiming to be an agent's reply whose sender could not be verified: kept as a note, not sent.</summary>
    UnverifiedMailReply = 1 << 9,

    /// <summary>Mailing-list mail (List-Id, Precedence: list): human mail that reopens, but is never answered automatically.</summary>
    List = 1 << 10,
}

public static class MessageFlagNames
{
    private static readonly (MessageFlags Flag, string Name)[] Names =
    [
        (MessageFlags.AutoReply, "auto-reply"),
        (MessageFlags.Bounce, "bounce"),
        (MessageFlags.Unparsed, "unparsed"),
        (MessageFlags.OwnMessage, "own-message"),
        (MessageFlags.NewParticipant, "new-participant"),
        (MessageFlags.ApprovedDraft, "approved-draft"),
        (MessageFlags.CallInbound, "call-inbound"),
        (MessageFlags.CallOutbound, "call-outbound"),
        (MessageFlags.TraineeMailReply, "trainee-mail-reply"),
        (MessageFlags.UnverifiedMailReply, "unverified-mail-reply"),
        (MessageFlags.List, "list"),
    ];

    /// <summary>The names of the flags set, in a fixed order.</summary>
    public static IReadOnlyList<string> ToNames(this MessageFlags flags) =>
        [.. Names.Where(n => flags.HasFlag(n.Flag)).Select(n => n.Name)];

    /// <summary>The stored form: names, comma-separated.</summary>
    public static string ToStored(this MessageFlags flags) => string.Join(',', flags.ToNames());

    /// <summary>Reads the stored form; names this version does not know are ignored.</summary>
    public static MessageFlags Parse(string? stored)
    {
        var flags = MessageFlags.None;
        foreach (var name in (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            flags |= Names.FirstOrDefault(n => n.Name == name).Flag;
        }
        return flags;
    }
}
