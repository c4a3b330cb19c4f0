using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using Switchboard.Core.StaticSite;

namespace Switchboard.Storage.StaticSite;

/// <summary>
/// Copies the current release of every site section to Azure Static Web Apps: one zip of the whole site, uploaded to the
/// <c>site</c> container, handed to the Resource Manager's zip deployment of the static site
/// (<c>POST {staticSite}/zipdeploy</c>, <c>appZipUrl</c> a short-lived read-only SAS link), polled until it is live.
/// A zip deployment replaces the whole site at once, so visitors never see half of a publish. One deployment runs at a
/// time (a blob lease); a deployment of releases already live does nothing, so redelivered requests are harmless.
/// </summary>
public sealed class StaticWebAppDeployer(
    StaticSiteStore site, StorageAccount account, IOptions<StaticSiteOptions> options, TokenCredential credential,
    IHttpClientFactory httpClients, TimeProvider time)
{
    public const string HttpClientName = "static-web-apps";
    public const string ApiVersion = "2024-04-01";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LongestDeployment = TimeSpan.FromMinutes(10);

    private BlobContainerClient Container => account.Container(StorageLayout.SiteContainer);

    /// <summary>Deploys unless the live site already shows the current releases. Throws when another deployment holds the lease.</summary>
    public async Task<bool> DeployAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.DeploysToStaticWebApp)
        {
            return false;
        }

        var lockBlob = Container.GetBlobClient("deploy.lock");
        await CreateOnceAsync(lockBlob, cancellationToken);
        var lease = lockBlob.GetBlobLeaseClient();
        await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
        try
        {
            var manifests = new List<SiteManifest>();
            foreach (var section in SiteSections.All)
            {
                if (await site.CurrentAsync(section, cancellationToken) is { } manifest)
                {
                    manifests.Add(manifest);
                }
            }
            var fingerprint = string.Join(",", manifests.Select(m => m.Id));
            var deployed = Container.GetBlobClient("deployed.txt");
            if (await ReadTextAsync(deployed, cancellationToken) == fingerprint)
            {
                return false;
            }

            var zip = Container.GetBlobClient($"deployments/{time.GetUtcNow().UtcTicks:D19}.zip");
            await zip.UploadAsync(await ZipAsync(manifests, settings, cancellationToken), overwrite: true, cancellationToken);
            await ZipDeployAsync(await ReadLinkAsync(zip, cancellationToken), fingerprint, settings, lease, cancellationToken);
            await deployed.UploadAsync(BinaryData.FromString(fingerprint), overwrite: true, cancellationToken);
            await zip.DeleteIfExistsAsync(cancellationToken: cancellationToken);
            return true;
        }
        finally
        {
            await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
    }

    private async Task<BinaryData> ZipAsync(IReadOnlyList<SiteManifest> manifests, StaticSiteOptions settings, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var manifest in manifests)
            {
                foreach (var (path, entry) in manifest.Files)
                {
                    var bytes = await site.ReadFileAsync(manifest.Section, entry, cancellationToken);
                    await using var stream = await zip.CreateEntry($"{manifest.Section}/{path}", CompressionLevel.Optimal).OpenAsync(cancellationToken);
                    await stream.WriteAsync(bytes.ToMemory(), cancellationToken);
                }
            }
            var notFound = manifests.FirstOrDefault(m => m.Files.ContainsKey("404.html")) is { } withPage ? $"/{withPage.Section}/404.html" : null;
            await using var config = await zip.CreateEntry("staticwebapp.config.json").OpenAsync(cancellationToken);
            await config.WriteAsync(Encoding.UTF8.GetBytes(StaticWebAppConfig.Json(settings.ApiOrigin, notFound)), cancellationToken);
        }
        return new BinaryData(buffer.ToArray());
    }

    /// <summary>A read-only link valid for an hour: signed with the account key locally, a user delegation key in Azure.</summary>
    private async Task<Uri> ReadLinkAsync(BlobClient zip, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow().AddHours(1);
        if (zip.CanGenerateSasUri)
        {
            return zip.GenerateSasUri(BlobSasPermissions.Read, expires);
        }
        var key = await account.Blobs.GetUserDelegationKeyAsync(time.GetUtcNow().AddMinutes(-5), expires, cancellationToken);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires) { BlobContainerName = zip.BlobContainerName, BlobName = zip.Name, Resource = "b" };
        return new BlobUriBuilder(zip.Uri) { Sas = sas.ToSasQueryParameters(key.Value, account.Blobs.AccountName) }.ToUri();
    }

    private async Task ZipDeployAsync(Uri appZipUrl, string fingerprint, StaticSiteOptions settings, BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        var endpoint = settings.ManagementEndpoint.TrimEnd('/');
        var token = await credential.GetTokenAsync(new TokenRequestContext([endpoint + "/.default"]), cancellationToken);
        var client = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{endpoint}{settings.StaticWebAppResourceId}/zipdeploy?api-version={ApiVersion}")
        {
            Content = JsonContent.Create(new
            {
                properties = new { appZipUrl = appZipUrl.ToString(), deploymentTitle = $"Switchboard site {fingerprint}", provider = "Switchboard" },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        using var response = await client.SendAsync(request, cancellationToken);
        await EnsureAcceptedAsync(response, cancellationToken);

        var started = time.GetUtcNow();
        var poll = response.Headers.TryGetValues("Azure-AsyncOperation", out var operation) ? new Uri(operation.First()) : response.Headers.Location;
        var status = response.StatusCode;
        while (status == HttpStatusCode.Accepted && poll is not null)
        {
            if (time.GetUtcNow() - started > LongestDeployment)
            {
                throw new TimeoutException($"The Static Web Apps deployment did not finish within {LongestDeployment.TotalMinutes} minutes.");
            }
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5), time, cancellationToken);
            await lease.RenewAsync(cancellationToken: cancellationToken);
            using var check = new HttpRequestMessage(HttpMethod.Get, poll);
            check.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            using var answer = await client.SendAsync(check, cancellationToken);
            await EnsureAcceptedAsync(answer, cancellationToken);
            status = answer.StatusCode == HttpStatusCode.OK && await OperationRunningAsync(answer, cancellationToken) ? HttpStatusCode.Accepted : answer.StatusCode;
        }
    }

    /// <summary>An Azure-AsyncOperation answers 200 with <c>{"status": "InProgress"|"Succeeded"|"Failed"|…}</c>.</summary>
    private static async Task<bool> OperationRunningAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        var text = await answer.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length == 0)
        {
            return false;
        }
        using var document = JsonDocument.Parse(text);
        var status = document.RootElement.TryGetProperty("status", out var value) ? value.GetString() : null;
        return status switch
        {
            null or "Succeeded" => false,
            "Failed" or "Canceled" => throw new InvalidOperationException($"The Static Web Apps deployment ended {status}: {text}"),
            _ => true,
        };
    }

    private static async Task EnsureAcceptedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"Static Web Apps zip deployment answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }
    }

    private static async Task CreateOnceAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
        }
    }

    private static async Task<string?> ReadTextAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
