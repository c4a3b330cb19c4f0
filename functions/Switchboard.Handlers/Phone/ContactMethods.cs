using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Handlers.Auth;
using Switchboard.Storage;
using Switchboard.Storage.Phone;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Phone;

/// <summary>
/// The agent's phone contact methods and notification rules. A number is used for pages only once the 6-digit code
/// texted to it was entered: codes expire after <see cref="CodeLifetime"/>, allow <see cref="MaxCodeAttempts"/>
/// wrong tries, at most <see cref="MaxCodesPerWindow"/> are sent per <see cref="CodeWindow"/> and number slot, and are
/// stored only as an HMAC (key derived from <c>Auth:SigningKey</c>) bound to agent, channel and number.
/// </summary>
public sealed class ContactMethods(PhoneStore store, AgentStore agents, IPhoneGateway phone, IOptions<AuthOptions> auth, TimeProvider time)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan CodeWindow = TimeSpan.FromHours(1);
    public const int MaxCodesPerWindow = 3;
    public const int MaxCodeAttempts = 5;
    public const int MaxRules = 6;

    private readonly byte[] key = HMACSHA256.HashData(auth.Value.DecodedSigningKey()!, "switchboard phone verification"u8);

    public async Task<IResult> GetAsync(Agent caller, string agentId, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(caller, agentId, cancellationToken) is { } refused)
        {
            return refused;
        }
        var agent = (await agents.GetAsync(agentId, cancellationToken))!;
        return Results.Ok(new NotificationSettingsView(agentId, agent.PageWebhookUrl is { Length: > 0 } url ? url : null,
            await ViewsAsync(agentId, cancellationToken), await RulesAsync(agentId, cancellationToken)));
    }

    /// <summary>Sets the number of a channel (unverified) and texts it a code.</summary>
    public async Task<IResult> PutAsync(Agent caller, string agentId, string channel, ContactMethodBody body, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(caller, agentId, cancellationToken, channel) is { } refused)
        {
            return refused;
        }
        var (number, problem) = E164Numbers.Normalize(body.Number);
        if (number is null)
        {
            return Problems.BadRequest(problem!, "number");
        }
        var now = time.GetUtcNow();
        var contact = await store.GetContactAsync(agentId, channel, cancellationToken)
            ?? new ContactMethodEntity { PartitionKey = PhoneStore.AgentPartition(agentId), RowKey = channel };
        if (contact.CodeWindowStart is not { } start || now - start >= CodeWindow)
        {
            contact.CodeWindowStart = now;
            contact.CodesSent = 0;
        }
        if (contact.CodesSent >= MaxCodesPerWindow)
        {
            return Problems.TooManyRequests($"At most {MaxCodesPerWindow} codes are sent per hour; try again after {contact.CodeWindowStart!.Value + CodeWindow:HH:mm} UTC.");
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        if (contact.Number != number)
        {
            contact.VerifiedAt = null;
        }
        contact.Number = number;
        contact.CodesSent++;
        contact.CodeHash = Hash(agentId, channel, number, code);
        contact.CodeExpiresAt = now + CodeLifetime;
        contact.CodeAttempts = 0;
        if (!await store.TrySaveContactAsync(contact, cancellationToken))
        {
            return Problems.Conflict("The contact method changed meanwhile; try again.");
        }
        var sent = await phone.SendSmsAsync(number, $"Your Switchboard verification code is {code}. It expires in {CodeLifetime.TotalMinutes:0} minutes.", cancellationToken);
        if (!sent.Ok)
        {
            return Problems.Unavailable("The code could not be texted to that number; check it and try again.");
        }
        return Results.Accepted(value: View(contact));
    }

    public async Task<IResult> VerifyAsync(Agent caller, string agentId, string channel, VerifyContactBody body, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(caller, agentId, cancellationToken, channel) is { } refused)
        {
            return refused;
        }
        if (await store.GetContactAsync(agentId, channel, cancellationToken) is not { } contact)
        {
            return Problems.NotFound($"There is no {channel} number to verify.");
        }
        var now = time.GetUtcNow();
        if (contact.CodeHash is null || contact.CodeExpiresAt <= now || contact.CodeAttempts >= MaxCodeAttempts)
        {
            return Problems.BadRequest("No code is pending for this number (it expired or was tried too often): request a new one.", "code");
        }
        var code = body.Code?.Trim() ?? "";
        var matches = CryptographicOperations.FixedTimeEquals(Convert.FromHexString(contact.CodeHash), Convert.FromHexString(Hash(agentId, channel, contact.Number, code)));
        if (matches)
        {
            contact.VerifiedAt = now;
            contact.CodeHash = null;
            contact.CodeExpiresAt = null;
        }
        else
        {
            contact.CodeAttempts++;
        }
        if (!await store.TrySaveContactAsync(contact, cancellationToken))
        {
            return Problems.Conflict("The contact method changed meanwhile; try again.");
        }
        return matches ? Results.Ok(View(contact)) : Problems.BadRequest("That code is not right.", "code");
    }

    public async Task<IResult> DeleteAsync(Agent caller, string agentId, string channel, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(caller, agentId, cancellationToken, channel) is { } refused)
        {
            return refused;
        }
        await store.DeleteContactAsync(agentId, channel, cancellationToken);
        return Results.NoContent();
    }

    /// <summary>Replaces the agent's rules; each must name a channel with a verified number.</summary>
    public async Task<IResult> PutRulesAsync(Agent caller, string agentId, NotificationRulesBody body, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(caller, agentId, cancellationToken) is { } refused)
        {
            return refused;
        }
        var input = body.Rules ?? [];
        if (input.Count > MaxRules)
        {
            return Problems.BadRequest($"At most {MaxRules} rules.", "rules");
        }
        var verified = (await store.ContactsAsync(agentId, cancellationToken)).Where(c => c.VerifiedAt is not null).Select(c => c.RowKey).ToHashSet();
        var rules = new List<NotificationRule>();
        for (var i = 0; i < input.Count; i++)
        {
            if (input[i] is not { Channel: var channel, AfterMinutes: var after } || !PhoneChannels.IsValid(channel))
            {
                return Problems.BadRequest("Each rule names a channel, sms or voice.", $"rules[{i}].channel");
            }
            if (after is not (>= 0 and <= 120))
            {
                return Problems.BadRequest("afterMinutes is between 0 and 120.", $"rules[{i}].afterMinutes");
            }
            if (!verified.Contains(channel!))
            {
                return Problems.BadRequest($"Verify a {channel} number first.", $"rules[{i}].channel");
            }
            rules.Add(new NotificationRule(channel!, after.Value));
        }
        rules = [.. rules.OrderBy(r => r.AfterMinutes)];
        await store.SetRulesAsync(agentId, JsonSerializer.Serialize(rules, JsonDefaults.Options), cancellationToken);
        return Results.Ok(rules);
    }

    public async Task<IReadOnlyList<NotificationRule>> RulesAsync(string agentId, CancellationToken cancellationToken = default) =>
        await store.GetRulesAsync(agentId, cancellationToken) is { } json
            ? JsonSerializer.Deserialize<List<NotificationRule>>(json, JsonDefaults.Options) ?? []
            : [];

    private async Task<IReadOnlyList<ContactMethodView>> ViewsAsync(string agentId, CancellationToken cancellationToken) =>
        [.. (await store.ContactsAsync(agentId, cancellationToken)).OrderBy(c => c.RowKey).Select(View)];

    private static ContactMethodView View(ContactMethodEntity c) => new(c.RowKey, c.Number, c.VerifiedAt is not null, c.VerifiedAt, c.CodeExpiresAt);

    /// <summary>The agent themselves or an admin, an existing agent, a known channel.</summary>
    private async Task<IResult?> CheckAsync(Agent caller, string agentId, CancellationToken cancellationToken, string? channel = null)
    {
        if (!caller.IsAdmin && caller.Id != agentId)
        {
            return Problems.Forbidden("Agents set their own contact methods and rules; admins anyone's.");
        }
        if (channel is not null && !PhoneChannels.IsValid(channel))
        {
            return Problems.NotFound($"There is no contact channel '{channel}' (sms or voice).");
        }
        if (agentId.Length > 200 || agentId.Any(ch => char.IsControl(ch) || ch is '/' or '\\' or '#' or '?') || await agents.GetAsync(agentId, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no agent '{agentId}'.");
        }
        return null;
    }

    private string Hash(string agentId, string channel, string number, string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{agentId}\n{channel}\n{number}\n{code}")));
}
