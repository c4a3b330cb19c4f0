using Microsoft.Playwright;
using Switchboard.Tests.Browser;
using Switchboard.Tests.OnCall;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Phone;

/// <summary>Locally no text or call leaves the machine: the dev mail view lists what the phone sink recorded.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DevPhoneViewTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_dev_mail_view_lists_the_texts_the_phone_sink_kept()
    {
        await using var agent = await AgentBrowser.StartAsync(browser, settings: PhoneDriver.Settings);
        var phone = new PhoneDriver(agent.Host);
        var dana = await phone.InviteAsync();
        await OnCallDriver.ReadAsync(await phone.Api.SendAsync(HttpMethod.Put, $"/api/oncall/agents/{dana}/contacts/sms", new { number = PhoneDriver.Mobile }), 202);
        var code = await phone.LastCodeAsync(PhoneDriver.Mobile);

        await agent.SignInAsync();
        await agent.Page.GotoAsync("/dev/mail");

        var texts = agent.Page.GetByRole(AriaRole.List, new() { Name = "Texts and calls" }).GetByRole(AriaRole.Listitem);
        await Expect(texts).ToHaveCountAsync(1);
        await Expect(texts.First).ToContainTextAsync($"Text to {PhoneDriver.Mobile}");
        await Expect(texts.First).ToContainTextAsync(code);
    }
}
