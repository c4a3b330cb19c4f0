namespace Switchboard.Storage.Account;

/// <summary>Turns the logical names of tables, queues and containers into the names used in the account.</summary>
public sealed class StorageNames(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>Table names allow letters and digits only.</summary>
    public string Table(string name) => Prefix + name;

    /// <summary>Queue and container names allow lower-case letters, digits and hyphens.</summary>
    public string Queue(string name) => Prefix.Length == 0 ? name : $"{Prefix}-{name}";

    public string Container(string name) => Queue(name);
}
