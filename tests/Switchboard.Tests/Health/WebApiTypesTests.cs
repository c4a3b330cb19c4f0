using System.Diagnostics;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Health;

/// <summary>
/// The web app's API types (web/generated/api-schema.d.ts) are generated from the host's OpenAPI document. When an
/// endpoint or record changes and nobody regenerates them, the app compiles against an API that no longer exists.
/// </summary>
public sealed class WebApiTypesTests
{
    [Fact]
    public async Task Web_app_api_types_match_the_openapi_document()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var document = Path.Combine(Path.GetTempPath(), $"switchboard-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await host.Client.GetStringAsync("/openapi/v1.json"));
        try
        {
            var generated = await GenerateAsync(document);
            var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "web", "generated", "api-schema.d.ts"));

            Assert.True(generated == committed,
                "web/generated/api-schema.d.ts is stale: the OpenAPI document changed. Regenerate it: ./scripts/run.sh, then " +
                "npm --prefix web run generate:api (or node web/scripts/generate-api-types.mjs <saved openapi.json>), and commit it.");
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static async Task<string> GenerateAsync(string document)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(RepositoryRoot.Path, "web", "scripts", "generate-api-types.mjs"), document, "--stdout" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, $"The generator failed (run 'npm ci' at the repository root for openapi-typescript): {await errors}");
        return await output;
    }
}
