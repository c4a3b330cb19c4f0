using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Storage.Account;

/// <summary>
/// The three service clients of one storage account, created once. Queue clients encode messages in base64,
/// as the Functions queue trigger expects.
/// </summary>
public sealed class StorageAccount
{
    public StorageAccount(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, StorageNames names)
    {
        Tables = tables;
        Queues = queues;
        Blobs = blobs;
        Names = names;
    }

    public TableServiceClient Tables { get; }
    public QueueServiceClient Queues { get; }
    public BlobServiceClient Blobs { get; }
    public StorageNames Names { get; }

    public TableClient Table(string name) => Tables.GetTableClient(Names.Table(name));
    public QueueClient Queue(string name) => Queues.GetQueueClient(Names.Queue(name));
    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(Names.Container(name));

    /// <summary>
    /// Reads the connection the way the Functions host does: a connection string in <c>AzureWebJobsStorage</c>,
    /// else <c>AzureWebJobsStorage:accountName</c> or explicit <c>blobServiceUri</c>/<c>queueServiceUri</c>/<c>tableServiceUri</c>
    /// with DefaultAzureCredential (<c>clientId</c> selects a user-assigned managed identity).
    /// </summary>
    public static StorageAccount FromConfiguration(IConfiguration configuration, StorageNames names, ClientOptionsHook? hook = null)
    {
        var section = configuration.GetSection(StorageOptions.ConnectionName);
        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var blobOptions = new BlobClientOptions();
        foreach (var options in new ClientOptions[] { tableOptions, queueOptions, blobOptions })
        {
            // Short back-off: a webhook waiting on storage should hear 503 in seconds, not after the SDK's ~20 s default.
            options.Retry.MaxRetries = 3;
            options.Retry.Delay = TimeSpan.FromMilliseconds(200);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
            hook?.Invoke(options);
        }

        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageAccount(
                new TableServiceClient(section.Value, tableOptions),
                new QueueServiceClient(section.Value, queueOptions),
                new BlobServiceClient(section.Value, blobOptions),
                names);
        }

        var accountName = section["accountName"];
        var blobUri = ServiceUri(section, "blobServiceUri", accountName, "blob");
        var queueUri = ServiceUri(section, "queueServiceUri", accountName, "queue");
        var tableUri = ServiceUri(section, "tableServiceUri", accountName, "table");
        if (blobUri is null || queueUri is null || tableUri is null)
        {
            throw new MissingSettingException(
                $"Setting '{StorageOptions.ConnectionName}' is missing. Set it to a storage connection string " +
                "(locally 'UseDevelopmentStorage=true' for Azurite), or set 'AzureWebJobsStorage__accountName' " +
                "(or the blobServiceUri, queueServiceUri and tableServiceUri settings) to use a managed identity.");
        }

        var credential = AzureCredential.FromConfiguration(configuration);
        return new StorageAccount(
            new TableServiceClient(tableUri, credential, tableOptions),
            new QueueServiceClient(queueUri, credential, queueOptions),
            new BlobServiceClient(blobUri, credential, blobOptions),
            names);
    }

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? accountName, string service) =>
        section[key] is { Length: > 0 } explicitUri ? new Uri(explicitUri)
        : accountName is { Length: > 0 } ? new Uri($"https://{accountName}.{service}.core.windows.net")
        : null;
}

/// <summary>Lets tests and benchmarks add a pipeline policy (e.g. a transaction counter) to every client.</summary>
public delegate void ClientOptionsHook(ClientOptions options);

/// <summary>A required setting is absent; the message names it and how to set it.</summary>
public sealed class MissingSettingException(string message) : InvalidOperationException(message);
