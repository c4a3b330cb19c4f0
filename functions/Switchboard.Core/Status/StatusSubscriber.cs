using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Switchboard.Core.Status;

[JsonConverter(typeof(JsonStringEnumConverter<SubscriberKind>))]
public enum SubscriberKind
{
    [JsonStringEnumMemberName("email")] Email,
    [JsonStringEnumMemberName("webhook")] Webhook,
}

/// <summary>
/// Someone told of incidents and maintenance: an email address or a webhook URL. Only a <see cref="Confirmed"/> one is
/// notified (double opt-in: the confirmation link reaches only the address's owner). <see cref="Components"/> empty
/// means the whole page; otherwise only events touching one of them. A new choice made by subscribing again waits in
/// <see cref="PendingComponents"/> until confirmed, so nobody can change another person's choice.
/// </summary>
public sealed record StatusSubscriber(
    string Id, SubscriberKind Kind, string Address, IReadOnlyList<string> Components, bool Confirmed,
    DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, IReadOnlyList<string>? PendingComponents)
{
    public const int MaxComponents = 50;
    public const int MaxEmailLength = 254;

    /// <summary>
    /// The id of an address: a hash, so subscribing the same address twice is one subscriber and the id reveals
    /// nothing. Emails compare case-insensitively; URLs exactly.
    /// </summary>
    public static string IdOf(SubscriberKind kind, string address)
    {
        var normalized = kind == SubscriberKind.Email ? address.Trim().ToLowerInvariant() : address.Trim();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..32];
        return (kind == SubscriberKind.Email ? "e" : "w") + hash;
    }

    /// <summary>True for the shape <see cref="IdOf"/> gives: a kind letter and 32 lower-case hex digits.</summary>
    public static bool IsWellFormedId(string id) =>
        id.Length == 33 && id[0] is 'e' or 'w' && id.Skip(1).All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Whether this subscriber hears of an event that touches <paramref name="eventComponents"/>.</summary>
    public bool Wants(IReadOnlyCollection<string> eventComponents) => Confirmed && SubscriberFilter.Wants(Components, eventComponents);
}

/// <summary>The per-component choice, as Statuspage applies it.</summary>
public static class SubscriberFilter
{
    /// <summary>
    /// A whole-page subscriber (no components chosen) hears of everything; one who chose components hears only of
    /// events that name at least one of them, so an incident naming no component reaches whole-page subscribers only.
    /// </summary>
    public static bool Wants(IReadOnlyCollection<string> chosen, IReadOnlyCollection<string> eventComponents) =>
        chosen.Count == 0 || eventComponents.Any(chosen.Contains);
}

/// <summary>
/// How a notification fans out: one queue message per chunk of <see cref="ChunkSize"/> subscribers, each queuing the
/// next, so a function run handles at most one chunk however many subscribers there are.
/// </summary>
public static class FanOut
{
    public const int ChunkSize = 200;

    /// <summary>The chunk messages an event takes for <paramref name="subscribers"/> (at least one, which finds the list empty).</summary>
    public static int Chunks(int subscribers, int chunkSize = ChunkSize) =>
        subscribers <= 0 ? 1 : (subscribers + chunkSize - 1) / chunkSize;

    /// <summary>How many run at the same time within a chunk: enough to hide mail latency, few enough for one instance.</summary>
    public const int Parallelism = 16;
}
