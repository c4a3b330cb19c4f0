using System.ComponentModel.DataAnnotations;

namespace Switchboard.Handlers.Auth;

/// <summary>Section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>API key of the first admin, for scripts and the web app until sign-in exists (Authorization: Bearer …).</summary>
    [Required(ErrorMessage = "Auth:BootstrapApiKey is missing: set Auth__BootstrapApiKey to a long random string (./scripts/run.sh makes one locally).")]
    [MinLength(24, ErrorMessage = "Auth:BootstrapApiKey must be at least 24 characters.")]
    public string BootstrapApiKey { get; set; } = "";

    /// <summary>Base64 key (32 bytes or more) that signs download links, so they work in a browser without a header.</summary>
    [Required(ErrorMessage = "Auth:SigningKey is missing: set Auth__SigningKey to 32+ random bytes in base64 (./scripts/run.sh makes one locally).")]
    public string SigningKey { get; set; } = "";
}
