using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

public static class ApiKeySignIn
{
    /// <summary>On the sign-in form: "Use an API key instead", the bootstrap key, "Sign in".</summary>
    public static async Task SignInWithApiKeyAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Use an API key instead" }).ClickAsync();
        await page.GetByLabel("API key").FillAsync(TestHost.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
