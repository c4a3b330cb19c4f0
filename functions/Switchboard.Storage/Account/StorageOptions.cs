using System.ComponentModel.DataAnnotations;

namespace Switchboard.Storage.Account;

/// <summary>
/// Where data lives. The connection is the same one the Functions host uses for its triggers
/// (<c>AzureWebJobsStorage</c>): either a connection string, or identity-based settings
/// (<c>AzureWebJobsStorage__accountName</c>, or the three <c>…ServiceUri</c> settings) used with DefaultAzureCredential.
/// </summary>
public sealed class StorageOptions
{
    public const string ConnectionName = "AzureWebJobsStorage";
    public const string Section = "Storage";

    /// <summary>
    /// Prepended to every table, queue and container name. Empty in production (the Functions triggers use the
    /// bare names); tests set a unique prefix so that each one sees only its own data.
    /// </summary>
    [RegularExpression("^([a-z][a-z0-9]{1,20})?$", ErrorMessage = "Storage:NamePrefix must be empty or 2-21 lower-case letters and digits, starting with a letter.")]
    public string NamePrefix { get; set; } = "";
}
