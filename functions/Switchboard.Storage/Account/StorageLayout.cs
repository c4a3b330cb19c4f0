using Switchboard.Core;

namespace Switchboard.Storage.Account;

/// <summary>
/// Every table, queue and container the product uses, created on start-up when missing.
/// docs/storage.md describes the keys of each.
/// </summary>
public static class StorageLayout
{
    public static readonly IReadOnlyList<string> Tables = [];

    public static readonly IReadOnlyList<string> Queues =
    [
        QueueNames.InboundEmail, QueueNames.PoisonOf(QueueNames.InboundEmail),
        QueueNames.DomainEvents, QueueNames.PoisonOf(QueueNames.DomainEvents),
    ];

    public static readonly IReadOnlyList<string> Containers = [];
}
