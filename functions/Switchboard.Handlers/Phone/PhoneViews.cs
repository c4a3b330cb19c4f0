namespace Switchboard.Handlers.Phone;

/// <summary>Channels a phone contact method or a notification rule can name.</summary>
public static class PhoneChannels
{
    public const string Sms = "sms";
    public const string Voice = "voice";

    public static bool IsValid(string? channel) => channel is Sms or Voice;
}

/// <summary>
/// One notification rule: text or call the agent <see cref="AfterMinutes"/> after the page (0 = at once) unless it
/// was acknowledged by then.
/// </summary>
public sealed record NotificationRule(string Channel, int AfterMinutes);

/// <summary>An agent's phone contact method; <see cref="Verified"/> once the code sent to it was entered.</summary>
public sealed record ContactMethodView(string Channel, string Number, bool Verified, DateTimeOffset? VerifiedAt, DateTimeOffset? CodeExpiresAt);

/// <summary><c>GET /api/oncall/agents/{agentId}/notifications</c>: how the agent is paged.</summary>
public sealed record NotificationSettingsView(string AgentId, string? WebhookUrl, IReadOnlyList<ContactMethodView> Contacts, IReadOnlyList<NotificationRule> Rules);

/// <summary>Body of <c>PUT /api/oncall/agents/{agentId}/contacts/{channel}</c>.</summary>
public sealed record ContactMethodBody(string? Number);

/// <summary>Body of <c>POST /api/oncall/agents/{agentId}/contacts/{channel}/verify</c>.</summary>
public sealed record VerifyContactBody(string? Code);

/// <summary>Body of <c>PUT /api/oncall/agents/{agentId}/rules</c>.</summary>
public sealed record NotificationRulesBody(IReadOnlyList<NotificationRuleBody?>? Rules);

public sealed record NotificationRuleBody(string? Channel, int? AfterMinutes);

/// <summary>The dev phone view: what the sink recorded, newest first.</summary>
public sealed record DevPhoneList(IReadOnlyList<DevPhoneItem> Items);

public sealed record DevPhoneItem(string Id, string Kind, string To, string From, string Body, DateTimeOffset SentAt);
