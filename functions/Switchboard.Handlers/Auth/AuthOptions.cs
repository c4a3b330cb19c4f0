using System.ComponentModel.DataAnnotations;

namespace Switchboard.Handlers.Auth;

/// <summary>Section <c>Auth</c>.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>API key of the first admin, for scripts and the web app until sign-in exists (Authorization: Bearer …).</summary>
    [Required(ErrorMessage = "Auth:BootstrapApiKey is missing: set Auth__BootstrapApiKey to a long random string (./scripts/run.sh makes one locally).")]
    [MinLength(24, ErrorMessage = "Auth:BootstrapApiKey must be at least 24 characters.")]
    public string BootstrapApiKey { get; set; } = "";

    /// <summary>Base64 key (32 bytes or more) that signs download links, so they work in a browser without a header.</summary>
    [Required(ErrorMessage = "Auth:SigningKey is missing: set Auth__SigningKey to 32+ random bytes in base64 (./scripts/run.sh makes one locally).")]
    public string SigningKey { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SigningKey.Length > 0 && DecodedSigningKey() is not { Length: >= 32 })
        {
            yield return new ValidationResult(
                "Auth:SigningKey must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`).", [nameof(SigningKey)]);
        }
    }

    /// <summary>The signing key's bytes, or null when it is not base64.</summary>
    public byte[]? DecodedSigningKey()
    {
        var buffer = new byte[SigningKey.Length];
        return Convert.TryFromBase64String(SigningKey, buffer, out var written) ? buffer[..written] : null;
    }
}
