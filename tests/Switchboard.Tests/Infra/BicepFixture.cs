using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Infra;

/// <summary>
/// Runs the Bicep CLI once for all of <see cref="BicepTests"/>: lints every file under infra/, compiles main.bicep to
/// ARM JSON, and takes a deployment snapshot (bicep snapshot), which expands the modules and evaluates every
/// expression that does not need a live Azure, so tests see the resources as ARM would receive them.
/// </summary>
public sealed class BicepFixture : IAsyncLifetime
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000aa";
    public const string TenantId = "00000000-0000-0000-0000-0000000000bb";
    public const string DeployerPrincipalId = "11111111-2222-3333-4444-555555555555";
    public const string WebhookSecret = "test-webhook-secret-f00dfeed";
    public const string BootstrapApiKey = "test-bootstrap-api-key-0badc0ffee";
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS0zMi1ieXRlcy1sb25nISE=";
    public const string SendGridApiKey = "SG.test-sendgrid-api-key";
    public const string TwilioAuthToken = "test-twilio-auth-token-5ca1ab1e";

    private string? workDirectory;

    public static string InfraDirectory => Path.Combine(RepositoryRoot.Path, "infra");

    public BicepRun Lint { get; private set; } = null!;
    public BicepRun Build { get; private set; } = null!;

    /// <summary>main.bicep compiled to an ARM template.</summary>
    public JsonElement Template { get; private set; }

    /// <summary>The snapshot's predicted resources, across the subscription and the resource group.</summary>
    public IReadOnlyList<JsonElement> Resources { get; private set; } = [];

    public JsonElement Outputs { get; private set; }

    /// <summary>The raw snapshot, for searching it for secret values.</summary>
    public string SnapshotText { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The snapshot is written beside its .bicepparam, whose `using` must be a relative path: work on a copy.
        workDirectory = Directory.CreateTempSubdirectory("switchboard-bicep-").FullName;
        CopyDirectory(InfraDirectory, Path.Combine(workDirectory, "infra"));
        var parameters = Path.Combine(workDirectory, "test.bicepparam");
        await File.WriteAllTextAsync(parameters, $"""
            using 'infra/main.bicep'
            param environmentName = 'test'
            param location = 'swedencentral'
            param principalId = '{DeployerPrincipalId}'
            param mailboxes = 'support@example.com, billing@example.com'
            param inboundWebhookSecret = '{WebhookSecret}'
            param bootstrapApiKey = '{BootstrapApiKey}'
            param signingKey = '{SigningKey}'
            param sendGridApiKey = '{SendGridApiKey}'
            param twilioAuthToken = '{TwilioAuthToken}'
            """);

        var lint = BicepCli.RunAsync(InfraDirectory, "lint", "--pattern", "./**/*.bicep");
        var build = BicepCli.RunAsync(InfraDirectory, "build", "main.bicep", "--stdout");
        var snapshot = BicepCli.RunAsync(workDirectory, "snapshot", "test.bicepparam",
            "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", "swedencentral");
        Lint = await lint;
        Build = await build;
        var snapshotRun = await snapshot;

        Assert.True(Build.ExitCode == 0, "bicep build failed:\n" + Build.Stderr);
        Template = JsonDocument.Parse(Build.Stdout).RootElement.Clone();

        Assert.True(snapshotRun.ExitCode == 0, "bicep snapshot failed:\n" + snapshotRun.Stderr);
        SnapshotText = await File.ReadAllTextAsync(Path.Combine(workDirectory, "test.snapshot.json"));
        var root = JsonDocument.Parse(SnapshotText).RootElement.Clone();
        Resources = root.GetProperty("predictedResources").EnumerateArray().ToList();
        Outputs = root.GetProperty("outputs");
    }

    public Task DisposeAsync()
    {
        if (workDirectory is not null)
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        return Task.CompletedTask;
    }

    public IEnumerable<JsonElement> OfType(string type) =>
        Resources.Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    public JsonElement Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*.bicep", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
