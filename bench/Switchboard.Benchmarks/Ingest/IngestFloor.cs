using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MimeKit;

namespace Switchboard.Benchmarks.Ingest;

/// <summary>
/// The floor of ingestion on this machine and this Azurite: for each email, what any design must do at least — parse
/// it with MimeKit, upload it as one blob, and write one two-entity batch (a head and a message row in one partition),
/// straight to storage with no host in between, at the same concurrency as the senders.
/// </summary>
internal static class IngestFloor
{
    public static async Task<double> MeasureAsync(string connectionString, string run, IReadOnlyList<GeneratedMail> mails, int concurrency)
    {
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient($"floor{run}");
        await container.CreateIfNotExistsAsync();
        var table = new TableServiceClient(connectionString).GetTableClient($"floor{run}");
        await table.CreateIfNotExistsAsync();

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, mails.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var mime = mails[i].Mime;
            using var stream = new MemoryStream(mime, writable: false);
            var message = await MimeMessage.LoadAsync(stream, ct);
            await container.GetBlobClient($"raw/{i}.eml").UploadAsync(new BinaryData(mime), overwrite: true, ct);
            var partition = $"c{i}";
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, "conversation")
                {
                    ["Subject"] = message.Subject, ["MessageCount"] = 1, ["LastActivityAt"] = DateTimeOffset.UtcNow,
                }),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"m{i}")
                {
                    ["MessageId"] = message.MessageId, ["Subject"] = message.Subject, ["Text"] = Truncate(message.TextBody),
                }),
            ], ct);
        });
        clock.Stop();
        return mails.Count / clock.Elapsed.TotalSeconds;
    }

    private static string? Truncate(string? text) => text is { Length: > 30_000 } ? text[..30_000] : text;
}
