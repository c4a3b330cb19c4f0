using System.Text.Json;
using Xunit.Abstractions;

namespace Switchboard.Tests.Infra;

/// <summary>
/// The Azure deployment (infra/) as ARM would receive it. Each test holds a property without which the deployment
/// fails, or comes up insecure or unable to reach its storage and secrets.
/// </summary>
public sealed class BicepTests(BicepFixture bicep, ITestOutputHelper output) : IClassFixture<BicepFixture>
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";

    [Fact]
    public void Every_bicep_file_compiles_without_warnings_or_errors()
    {
        foreach (var line in bicep.Lint.Diagnostics.Concat(bicep.Build.Diagnostics))
        {
            output.WriteLine(line);
        }

        Assert.Equal(0, bicep.Lint.ExitCode);
        Assert.Empty(bicep.Lint.Diagnostics);
        Assert.Empty(bicep.Build.Diagnostics);
    }

    [Fact]
    public void Function_app_runs_dotnet_10_isolated_on_the_flex_consumption_plan()
    {
        var plan = bicep.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.True(plan.GetProperty("properties").GetProperty("reserved").GetBoolean(), "Flex Consumption is Linux only.");

        var site = Site();
        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal(Id(plan), site.GetProperty("properties").GetProperty("serverFarmId").GetString());
        var config = site.GetProperty("properties").GetProperty("functionAppConfig");
        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("10.0", config.GetProperty("runtime").GetProperty("version").GetString());
        var scale = config.GetProperty("scaleAndConcurrency");
        Assert.Contains(scale.GetProperty("instanceMemoryMB").GetInt32(), new[] { 512, 2048, 4096 });
        Assert.InRange(scale.GetProperty("maximumInstanceCount").GetInt32(), 40, 1000);
    }

    [Fact]
    public void Function_app_deploys_from_its_package_container_with_the_user_assigned_identity()
    {
        var storage = bicep.Single("Microsoft.Web/sites").GetProperty("properties")
            .GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");
        var container = bicep.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        var containerName = Name(container).Split('/')[^1];

        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.EndsWith($".primaryEndpoints.blob, '{containerName}')]", storage.GetProperty("value").GetString());
        Assert.Contains(Id(StorageAccount()), storage.GetProperty("value").GetString());
        var authentication = storage.GetProperty("authentication");
        Assert.Equal("UserAssignedIdentity", authentication.GetProperty("type").GetString());
        Assert.Equal(IdentityId(), authentication.GetProperty("userAssignedIdentityResourceId").GetString());
        Assert.True(Site().GetProperty("identity").GetProperty("userAssignedIdentities").TryGetProperty(IdentityId(), out _),
            "The identity that reads the package must be attached to the app.");
    }

    [Fact]
    public void Storage_account_accepts_only_entra_id_over_https_and_tls_1_2()
    {
        var storage = StorageAccount();
        var properties = storage.GetProperty("properties");

        Assert.Equal("StorageV2", storage.GetProperty("kind").GetString());
        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
        Assert.True(properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Single(bicep.OfType("Microsoft.Storage/storageAccounts/queueServices"));
        Assert.Single(bicep.OfType("Microsoft.Storage/storageAccounts/tableServices"));
    }

    [Fact]
    public void Function_app_is_https_only_with_tls_1_2_and_no_ftp_or_basic_auth_publishing()
    {
        var properties = Site().GetProperty("properties");
        Assert.True(properties.GetProperty("httpsOnly").GetBoolean());
        var siteConfig = properties.GetProperty("siteConfig");
        Assert.Equal("Disabled", siteConfig.GetProperty("ftpsState").GetString());
        Assert.Equal("1.2", siteConfig.GetProperty("minTlsVersion").GetString());
        Assert.Equal("1.2", siteConfig.GetProperty("scmMinTlsVersion").GetString());

        var policies = bicep.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(["ftp", "scm"], policies.Select(p => Name(p).Split('/')[^1]).Order());
        Assert.All(policies, p => Assert.False(p.GetProperty("properties").GetProperty("allow").GetBoolean()));
    }

    [Fact]
    public void Key_vault_authorizes_with_azure_rbac()
    {
        var vault = bicep.Single("Microsoft.KeyVault/vaults");
        Assert.True(vault.GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.Equal(
            ["bootstrap-api-key", "inbound-webhook-secret", "sendgrid-api-key", "signing-key", "twilio-auth-token"],
            bicep.OfType("Microsoft.KeyVault/vaults/secrets").Select(s => Name(s).Split('/')[^1]).Order());
    }

    [Fact]
    public void Host_storage_connection_is_identity_based_with_the_user_assigned_client_id()
    {
        var settings = AppSettings();

        Assert.Equal(Name(StorageAccount()), settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal($"[reference('{IdentityId()}', '2023-01-31').clientId]", settings["AzureWebJobsStorage__clientId"]);
        // A plain AzureWebJobsStorage (a connection string) would win over the identity settings and needs a key.
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.All(settings.Values, value =>
        {
            Assert.DoesNotContain("AccountKey=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature=", value, StringComparison.OrdinalIgnoreCase);
        });
        // Flex Consumption takes the runtime from functionAppConfig and refuses these settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
    }

    [Fact]
    public void Secrets_reach_the_app_as_key_vault_references_resolved_with_its_identity()
    {
        var settings = AppSettings();
        var vault = Id(bicep.Single("Microsoft.KeyVault/vaults"));

        foreach (var (setting, secret) in new[]
                 {
                     ("Inbound__WebhookSecret", "inbound-webhook-secret"),
                     ("Auth__BootstrapApiKey", "bootstrap-api-key"),
                     ("Auth__SigningKey", "signing-key"),
                     ("SendGrid__ApiKey", "sendgrid-api-key"),
                     ("Twilio__AuthToken", "twilio-auth-token"),
                 })
        {
            var value = settings[setting];
            Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})', ", value);
            Assert.Contains($"reference('{vault}", value);
            Assert.Contains(secret, value);
        }
        Assert.Equal(IdentityId(), Site().GetProperty("properties").GetProperty("keyVaultReferenceIdentity").GetString());
    }

    [Fact]
    public void Secret_values_travel_only_as_secure_parameters_into_key_vault()
    {
        var keyVaultModule = bicep.Template.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "keyvault").GetProperty("properties");
        var secretsByParameter = new Dictionary<string, string>
        {
            ["inboundWebhookSecret"] = "inbound-webhook-secret",
            ["bootstrapApiKey"] = "bootstrap-api-key",
            ["signingKey"] = "signing-key",
            ["sendGridApiKey"] = "sendgrid-api-key",
            ["twilioAuthToken"] = "twilio-auth-token",
        };

        foreach (var (parameter, secret) in secretsByParameter)
        {
            // Secure at both levels, or the value is kept in the deployment history in clear.
            Assert.Equal("securestring", bicep.Template.GetProperty("parameters").GetProperty(parameter).GetProperty("type").GetString());
            Assert.Equal("securestring", keyVaultModule.GetProperty("template").GetProperty("parameters").GetProperty(parameter).GetProperty("type").GetString());
            var entry = bicep.OfType("Microsoft.KeyVault/vaults/secrets").Single(s => Name(s).EndsWith("/" + secret, StringComparison.Ordinal));
            Assert.Equal($"[parameters('{parameter}')]", entry.GetProperty("properties").GetProperty("value").GetString());
        }
        foreach (var value in new[] { BicepFixture.WebhookSecret, BicepFixture.BootstrapApiKey, BicepFixture.SigningKey, BicepFixture.SendGridApiKey, BicepFixture.TwilioAuthToken })
        {
            Assert.DoesNotContain(value, bicep.SnapshotText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Mailboxes_become_indexed_mail_settings()
    {
        var settings = AppSettings();

        Assert.Equal("support@example.com", settings["Mail__Mailboxes__0"]);
        Assert.Equal("billing@example.com", settings["Mail__Mailboxes__1"]);
        Assert.DoesNotContain("Mail__Mailboxes__2", settings.Keys);
    }

    [Fact]
    public void Telemetry_goes_to_application_insights_with_entra_id_only()
    {
        var insights = bicep.Single("Microsoft.Insights/components");
        Assert.True(insights.GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());

        var settings = AppSettings();
        Assert.Equal($"[reference('{Id(insights)}', '2020-02-02').ConnectionString]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal($"[format('ClientId={{0}};Authorization=AAD', reference('{IdentityId()}', '2023-01-31').clientId)]",
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void Role_assignments_grant_exactly_the_expected_roles_on_the_intended_resources()
    {
        var storage = Id(StorageAccount());
        var vault = Id(bicep.Single("Microsoft.KeyVault/vaults"));
        var insights = Id(bicep.Single("Microsoft.Insights/components"));
        var staticSite = Id(bicep.Single("Microsoft.Web/staticSites"));
        var identity = $"[reference('{IdentityId()}', '2023-01-31').principalId]";
        var deployer = BicepFixture.DeployerPrincipalId;
        string[] expected =
        [
            Grant(StorageBlobDataOwner, storage, identity),
            Grant(StorageQueueDataContributor, storage, identity),
            Grant(StorageTableDataContributor, storage, identity),
            Grant(KeyVaultSecretsUser, vault, identity),
            Grant(MonitoringMetricsPublisher, insights, identity),
            Grant(Contributor, staticSite, identity),
            Grant(StorageBlobDataOwner, storage, deployer),
            Grant(StorageQueueDataContributor, storage, deployer),
            Grant(StorageTableDataContributor, storage, deployer),
            Grant(KeyVaultSecretsUser, vault, deployer),
        ];

        var actual = bicep.OfType("Microsoft.Authorization/roleAssignments").Select(assignment =>
        {
            var properties = assignment.GetProperty("properties");
            var role = properties.GetProperty("roleDefinitionId").GetString()!;
            Assert.StartsWith($"/subscriptions/{BicepFixture.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/", role);
            return Grant(role.Split('/')[^1], Scope(assignment), properties.GetProperty("principalId").GetString()!);
        }).ToList();

        Assert.Equal(expected.Order(), actual.Order());
    }

    [Fact]
    public void Function_app_is_created_after_its_role_assignments()
    {
        // Key Vault references are resolved, and the package container read, as the app starts; a reference that
        // fails for want of a role is not retried for hours.
        var api = bicep.Template.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == "api");

        Assert.Contains(api.GetProperty("dependsOn").EnumerateArray(),
            d => d.GetString()!.EndsWith("'Microsoft.Resources/deployments', 'rbac')]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_function_app_serves_the_agent_app_and_publishes_to_a_free_static_site()
    {
        var site = bicep.Single("Microsoft.Web/staticSites");
        Assert.Equal("Free", site.GetProperty("sku").GetProperty("name").GetString());
        Assert.Empty(bicep.OfType("Microsoft.Web/staticSites/linkedBackends"));
        Assert.Equal(Id(site), AppSettings()["StaticSite__StaticWebAppResourceId"]);

        // azd deploys only the function app (with web/dist inside); the static site is deployed by the app itself.
        Assert.Equal("api", Site().GetProperty("tags").GetProperty("azd-service-name").GetString());
        Assert.False(site.GetProperty("tags").TryGetProperty("azd-service-name", out _));
    }

    [Fact]
    public void The_public_site_may_call_the_function_app_without_credentials_and_is_the_knowledge_bases_address()
    {
        var cors = Site().GetProperty("properties").GetProperty("siteConfig").GetProperty("cors");
        var origins = cors.GetProperty("allowedOrigins").EnumerateArray().Select(o => o.GetString()!).ToList();

        // The static site's own address, https:// and its default host name (known once deployed, so still an
        // expression here): pages there post to /api/public/*. Without a custom domain it is the KB's address too.
        var origin = Assert.Single(origins);
        Assert.Contains("'https://{0}'", origin);
        Assert.Contains($"'{Id(bicep.Single("Microsoft.Web/staticSites"))}'", origin);
        Assert.Contains(".defaultHostname", origin, StringComparison.OrdinalIgnoreCase);
        Assert.False(cors.GetProperty("supportCredentials").GetBoolean(), "No cookie session may be used from another origin.");
        var kbUrl = AppSettings()["KnowledgeBase__Url"];
        Assert.Contains("/kb/", kbUrl);
        Assert.Contains(".defaultHostname", kbUrl, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_default_deployment_has_no_resource_with_a_fixed_monthly_fee()
    {
        // Pay-per-use only: Flex Consumption on demand, Static Web Apps Free, storage, Key Vault, Log Analytics per GB.
        Assert.All(bicep.OfType("Microsoft.Web/serverfarms"), plan => Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString()));
        Assert.All(bicep.OfType("Microsoft.Web/staticSites"), site => Assert.Equal("Free", site.GetProperty("sku").GetProperty("name").GetString()));
        string[] fixedFee = ["Microsoft.Cdn/profiles", "Microsoft.Network/frontDoors", "Microsoft.ApiManagement/service", "Microsoft.Web/staticSites/linkedBackends"];
        Assert.All(fixedFee, type => Assert.Empty(bicep.OfType(type)));
        Assert.Equal(512, Site().GetProperty("properties").GetProperty("functionAppConfig").GetProperty("scaleAndConcurrency").GetProperty("instanceMemoryMB").GetInt32());
        Assert.DoesNotContain(bicep.OfType("Microsoft.Web/sites"), s => s.GetProperty("properties").GetProperty("functionAppConfig")
            .GetProperty("scaleAndConcurrency").TryGetProperty("alwaysReady", out var ready) && ready.GetArrayLength() > 0);
    }

    [Fact]
    public void Outputs_give_the_sendgrid_urls_on_the_public_origin_without_the_secret()
    {
        var inbound = bicep.Outputs.GetProperty("SENDGRID_INBOUND_PARSE_URL").GetString()!;
        var events = bicep.Outputs.GetProperty("SENDGRID_EVENT_WEBHOOK_URL").GetString()!;
        var web = bicep.Outputs.GetProperty("WEB_URL").GetString()!;
        output.WriteLine(web);

        // The agent app and the webhooks are on the function app's own host name.
        Assert.Contains(Id(Site()), web);
        Assert.EndsWith("/api/inbound/sendgrid?key=<Key Vault secret inbound-webhook-secret>', " + web[1..^1] + ")]", inbound);
        Assert.EndsWith("/api/events/sendgrid', " + web[1..^1] + ")]", events);
        Assert.Contains(Id(bicep.Single("Microsoft.Web/staticSites")), bicep.Outputs.GetProperty("SITE_URL").GetString());
    }

    [Fact]
    public void Azd_parameters_file_supplies_every_required_parameter()
    {
        var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepFixture.InfraDirectory, "main.parameters.json")))
            .RootElement.GetProperty("parameters");
        var declared = bicep.Template.GetProperty("parameters").EnumerateObject().ToList();

        foreach (var parameter in declared.Where(p => !p.Value.TryGetProperty("defaultValue", out _)))
        {
            Assert.True(file.TryGetProperty(parameter.Name, out _), $"main.parameters.json does not set required '{parameter.Name}'.");
        }
        foreach (var supplied in file.EnumerateObject())
        {
            Assert.Contains(supplied.Name, declared.Select(p => p.Name));
        }
    }

    private JsonElement Site() => bicep.Single("Microsoft.Web/sites");

    private JsonElement StorageAccount() => bicep.Single("Microsoft.Storage/storageAccounts");

    private string IdentityId() => Id(bicep.Single("Microsoft.ManagedIdentity/userAssignedIdentities"));

    private Dictionary<string, string> AppSettings()
    {
        var config = bicep.OfType("Microsoft.Web/sites/config").Single(c => Name(c).EndsWith("/appsettings", StringComparison.Ordinal));
        return config.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private static string Id(JsonElement resource) => resource.GetProperty("id").GetString()!;

    private static string Name(JsonElement resource) => resource.GetProperty("name").GetString()!;

    private static string Grant(string role, string scope, string principal) => $"{role} on {scope} to {principal}";

    /// <summary>The resource an assignment applies to, from its ID (evaluated, or an extensionResourceId expression).</summary>
    private static string Scope(JsonElement assignment)
    {
        var id = Id(assignment);
        const string expression = "[extensionResourceId('";
        return id.StartsWith(expression, StringComparison.Ordinal)
            ? id[expression.Length..id.IndexOf('\'', expression.Length)]
            : id[..id.IndexOf("/providers/Microsoft.Authorization/roleAssignments/", StringComparison.Ordinal)];
    }
}
