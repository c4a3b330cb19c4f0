using System.Net;
using Switchboard.Handlers.Phone;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.OnCall;

namespace Switchboard.Tests.Phone;

/// <summary>Phone numbers are E.164, verified by a texted code that expires, allows few tries, and is rate-limited.</summary>
public sealed class ContactMethodTests
{
    [Theory]
    [InlineData("+49 151 23456789", "+4915123456789")]
    [InlineData("+1 (415) 555-2671", "+14155552671")]
    public void Numbers_with_a_country_code_are_stored_in_E164(string input, string expected) =>
        Assert.Equal(expected, E164Numbers.Normalize(input).Number);

    [Theory]
    [InlineData("015123456789")]
    [InlineData("+49 1")]
    [InlineData("+999 123456")]
    [InlineData("call me")]
    [InlineData(null)]
    public void Numbers_without_country_code_or_invalid_are_refused(string? input) =>
        Assert.NotNull(E164Numbers.Normalize(input).Problem);

    [Fact]
    public async Task A_number_is_verified_by_the_texted_code_which_expires_and_is_rate_limited()
    {
        await using var host = await TestHost.StartAsync(PhoneDriver.Settings, queuePump: false, fakeTime: true);
        var driver = new PhoneDriver(host);
        var dana = await driver.InviteAsync();
        var path = $"/api/oncall/agents/{dana}/contacts/sms";

        Assert.Equal("number", (await OnCallDriver.ReadAsync(await driver.Api.SendAsync(HttpMethod.Put, path, new { number = "0151 23456789" }), 400)).Str("field"));
        var pending = await OnCallDriver.ReadAsync(await driver.Api.SendAsync(HttpMethod.Put, path, new { number = "+49 151 23456789" }), 202);
        Assert.False(pending.GetProperty("verified").GetBoolean());
        Assert.Equal(PhoneDriver.Mobile, pending.Str("number"));
        // A rule cannot use an unverified number.
        Assert.Equal("rules[0].channel", (await OnCallDriver.ReadAsync(await driver.Api.SendAsync(HttpMethod.Put, $"/api/oncall/agents/{dana}/rules",
            new { rules = new[] { PhoneDriver.Rule("sms", 0) } }), 400)).Str("field"));

        var code = await driver.LastCodeAsync(PhoneDriver.Mobile);
        var wrong = code == "000000" ? "111111" : "000000";
        await OnCallDriver.ReadAsync(await driver.Api.SendAsync(HttpMethod.Post, path + "/verify", new { code = wrong }), 400);
        host.Time!.Advance(TimeSpan.FromMinutes(11));
        await OnCallDriver.ReadAsync(await driver.Api.SendAsync(HttpMethod.Post, path + "/verify", new { code }), 400); // expired

        await OnCallDriver.ReadAsync(await driver.Api.SendAsync(HttpMethod.Put, path, new { number = PhoneDriver.Mobile }), 202);
        host.Time.Advance(TimeSpan.FromSeconds(1)); // the sink lists the newest first: the later code must be later
        await OnCallDriver.ReadAsync(await driver.Api.SendAsync(HttpMethod.Put, path, new { number = PhoneDriver.Mobile }), 202);
        await OnCallDriver.ReadAsync(await driver.Api.SendAsync(HttpMethod.Put, path, new { number = PhoneDriver.Mobile }), 429); // 3 an hour
        var verified = await OnCallDriver.ReadAsync(await driver.Api.SendAsync(HttpMethod.Post, path + "/verify", new { code = await driver.LastCodeAsync(PhoneDriver.Mobile) }), 200);
        Assert.True(verified.GetProperty("verified").GetBoolean());

        var settings = await driver.Api.GetAsync($"/api/oncall/agents/{dana}/notifications");
        Assert.Equal(PhoneDriver.Mobile, Assert.Single(settings.GetProperty("contacts").EnumerateArray()).Str("number"));
        var stored = await host.Storage.Table("PhoneContacts").GetEntityAsync<Azure.Data.Tables.TableEntity>("agent-" + dana, "sms");
        Assert.DoesNotContain(stored.Value, p => p.Value is string s && s.Contains(code, StringComparison.Ordinal));
    }
}
