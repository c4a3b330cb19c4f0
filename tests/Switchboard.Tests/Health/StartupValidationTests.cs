using Microsoft.Extensions.Configuration;
using Switchboard.LocalHost;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Health;

/// <summary>Missing or wrong configuration stops the host at start-up with a message that names the setting.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Inbound:WebhookSecret", "", "Inbound:WebhookSecret")]
    [InlineData("Inbound:WebhookSecret", "short", "Inbound:WebhookSecret")]
    [InlineData("Auth:BootstrapApiKey", "", "Auth:BootstrapApiKey")]
    [InlineData("Auth:SigningKey", "not base64!", "Auth:SigningKey")]
    [InlineData("Mail:Mailboxes:0", null, "Mail:Mailboxes")]
    [InlineData("Storage:NamePrefix", "Has-Capitals", "Storage:NamePrefix")]
    [InlineData("AzureWebJobsStorage", null, "AzureWebJobsStorage")]
    [InlineData("Auth:PublicUrl", "help.example.com", "Auth:PublicUrl")]
    [InlineData("Auth:FirstAdminEmail", "not-an-address", "Auth:FirstAdminEmail")]
    public async Task Host_refuses_to_start_naming_the_setting(string key, string? value, string named)
    {
        var settings = TestHost.RequiredSettings("UseDevelopmentStorage=true");
        settings.Remove("Mail:Mailboxes:1");
        settings[key] = value;
        await using var app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
            builder.Configuration.AddInMemoryCollection(settings), localSettings: false);

        var failure = await Record.ExceptionAsync(() => app.StartAsync());

        Assert.NotNull(failure);
        Assert.Contains(named, failure.ToString());
    }
}
