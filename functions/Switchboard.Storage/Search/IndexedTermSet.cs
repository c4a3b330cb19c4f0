using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Storage.Search;

/// <summary>
/// The terms already indexed for one conversation, as 8-byte hashes in one row of <c>SearchIndex</c>: PartitionKey
/// <c>~{conversation id}</c> (a term never starts with <c>~</c>; <c>#</c> is not allowed in keys), RowKey the conversation's search RowKey (a merged
/// conversation's set is never read for the conversation it was merged into). The row only ever names terms whose
/// index rows were written, so skipping them loses nothing; two writers at once may each save a set without the
/// other's terms (no ETag: last writer wins), which costs only some repeated upserts later. A hash collision (about
/// one in 10^15 per term at the cap) would leave one term of one conversation unindexed.
/// </summary>
internal sealed class IndexedTermSet
{
    /// <summary>Hashes kept at most (32 KB, within a binary property's 64 KB); beyond it, new terms are always written.</summary>
    private const int MaxTerms = 4000;
    private const string Property = "Terms";

    private readonly HashSet<long> hashes;
    private readonly string partitionKey;
    private readonly string rowKey;

    private IndexedTermSet(string partitionKey, string rowKey, HashSet<long> hashes) =>
        (this.partitionKey, this.rowKey, this.hashes) = (partitionKey, rowKey, hashes);

    public static async Task<IndexedTermSet> ReadAsync(TableClient table, string conversationId, string rowKey, CancellationToken cancellationToken)
    {
        var partitionKey = "~" + conversationId;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, [Property], cancellationToken);
        var hashes = new HashSet<long>();
        if (row.HasValue && row.Value!.GetBinary(Property) is { } bytes)
        {
            for (var i = 0; i + 8 <= bytes.Length; i += 8)
            {
                hashes.Add(BitConverter.ToInt64(bytes, i));
            }
        }
        return new IndexedTermSet(partitionKey, rowKey, hashes);
    }

    public bool Contains(string term) => hashes.Contains(Hash(term));

    public async Task AddAndSaveAsync(TableClient table, IEnumerable<string> terms, CancellationToken cancellationToken)
    {
        var before = hashes.Count;
        foreach (var term in terms)
        {
            if (hashes.Count >= MaxTerms)
            {
                break;
            }
            hashes.Add(Hash(term));
        }
        if (hashes.Count == before)
        {
            return;
        }
        var bytes = new byte[hashes.Count * 8];
        var offset = 0;
        foreach (var hash in hashes)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(offset, 8), hash);
            offset += 8;
        }
        await table.UpsertEntityAsync(new TableEntity(partitionKey, rowKey) { [Property] = bytes }, TableUpdateMode.Replace, cancellationToken);
    }

    private static long Hash(string term) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(term)), 0);
}
