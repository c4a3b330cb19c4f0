using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Mail;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Auth;

/// <summary>The dev mail view's handlers called directly (after DevMailAccess has admitted the caller).</summary>
public sealed class DevMailHandlerTests
{
    [Fact]
    public async Task The_sink_lists_sent_mail_and_opens_each_message()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        await host.Services.GetRequiredService<IMailSender>().SendAsync(
            new OutgoingEmail("Switchboard <support@acme.test>", ["ana@example.com"], "Welcome", "Hello Ana"));

        var list = (await host.Services.GetRequiredService<ListDevMail>().HandleAsync()).Value<DevMailList>();
        var summary = Assert.Single(list.Items, m => m.Subject == "Welcome");
        var message = (await host.Services.GetRequiredService<GetDevMail>().HandleAsync(summary.Id)).Value<DevMailMessage>();

        Assert.Contains("Hello Ana", message.Text);
        Assert.Equal(404, (await host.Services.GetRequiredService<GetDevMail>().HandleAsync("0000000000000000000-00000000")).Status());
    }
}
