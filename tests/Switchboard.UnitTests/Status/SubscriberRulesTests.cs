using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Core.Status;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Status.Subscribers;

namespace Switchboard.UnitTests.Status;

public sealed class SubscriberRulesTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static SubscriberLinks Links(byte key = 1, FakeTimeProvider? time = null) => new(Options.Create(new AuthOptions
    {
        SigningKey = Convert.ToBase64String(Enumerable.Repeat(key, 32).ToArray()), PublicUrl = "https://help.example.com",
    }), time ?? Time);

    private static readonly string Ada = StatusSubscriber.IdOf(SubscriberKind.Email, "ada@example.com");

    [Fact]
    public void An_unsubscribe_link_names_its_subscriber_and_is_refused_when_changed_or_signed_with_another_key()
    {
        var token = Links().UnsubscribeToken(Ada);
        var other = StatusSubscriber.IdOf(SubscriberKind.Email, "grace@example.com");

        Assert.Equal(Ada, Links().VerifyUnsubscribe(token));
        Assert.Equal($"https://help.example.com/api/public/status/unsubscribe/{token}", Links().UnsubscribeUrl(Ada));
        Assert.Null(Links().VerifyUnsubscribe(other + token[Ada.Length..]));
        Assert.Null(Links(key: 2).VerifyUnsubscribe(token));
        Assert.Null(Links().VerifyUnsubscribe(token[..^2]));
    }

    [Fact]
    public void A_confirm_link_is_not_an_unsubscribe_link_and_expires_after_seven_days()
    {
        var time = new FakeTimeProvider(Time.GetUtcNow());
        var links = Links(time: time);
        var token = links.ConfirmToken(Ada);

        Assert.Equal(Ada, links.VerifyConfirm(token));
        Assert.Null(links.VerifyUnsubscribe(token));
        Assert.Null(links.VerifyConfirm(links.UnsubscribeToken(Ada)));
        time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Null(links.VerifyConfirm(token));
    }

    [Fact]
    public void A_webhook_body_is_signed_over_its_timestamp_and_body()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":\"e1\"}");
        var secret = Links().WebhookSecret("w" + new string('a', 32));

        var signature = WebhookSignature.Sign(secret, 1_767_000_000, body);

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("1767000000.{\"id\":\"e1\"}")));
        Assert.Equal("sha256=" + expected, signature);
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, 1_767_000_001, body));
        Assert.NotEqual(secret, Links().WebhookSecret("w" + new string('b', 32)));
        Assert.StartsWith("whsec_", secret);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(10_000, 50)]
    [InlineData(10_001, 51)]
    public void Subscribers_fan_out_in_chunks_of_200(int subscribers, int chunks) =>
        Assert.Equal(chunks, FanOut.Chunks(subscribers));

    [Theory]
    [InlineData("", "api", true)]
    [InlineData("", "", true)]
    [InlineData("api", "api,mail", true)]
    [InlineData("api,web", "mail", false)]
    [InlineData("api", "", false)]
    public void A_subscriber_hears_of_events_that_touch_a_component_they_chose(string chosen, string touched, bool wants)
    {
        static string[] List(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(wants, SubscriberFilter.Wants(List(chosen), List(touched)));
    }

    [Fact]
    public void Only_a_confirmed_subscriber_is_told()
    {
        var pending = new StatusSubscriber(Ada, SubscriberKind.Email, "ada@example.com", [], false, Time.GetUtcNow(), null, null);

        Assert.False(pending.Wants(["api"]));
        Assert.True((pending with { Confirmed = true }).Wants(["api"]));
    }

    [Fact]
    public void The_same_address_in_another_case_is_the_same_subscriber()
    {
        Assert.Equal(Ada, StatusSubscriber.IdOf(SubscriberKind.Email, " Ada@Example.com "));
        Assert.True(StatusSubscriber.IsWellFormedId(Ada));
        Assert.False(StatusSubscriber.IsWellFormedId("x" + Ada[1..]));
    }
}
