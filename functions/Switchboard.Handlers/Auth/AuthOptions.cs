using System.ComponentModel.DataAnnotations;

namespace Switchboard.Handlers.Auth;

/// <summary>Section <c>Auth</c>.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>API key that acts as an admin, for scripts and the first steps (Authorization: Bearer …).</summary>
    [Required(ErrorMessage = "Auth:BootstrapApiKey is missing: set Auth__BootstrapApiKey to a long random string (./scripts/run.sh makes one locally).")]
    [MinLength(24, ErrorMessage = "Auth:BootstrapApiKey must be at least 24 characters.")]
    public string BootstrapApiKey { get; set; } = "";

    /// <summary>
    /// Base64 key (32 bytes or more) that signs download links; the keys of session cookies and anti-forgery tokens are
    /// derived from it (HKDF), so both hosts verify each other's cookies with nothing but this setting.
    /// </summary>
    [Required(ErrorMessage = "Auth:SigningKey is missing: set Auth__SigningKey to 32+ random bytes in base64 (./scripts/run.sh makes one locally).")]
    public string SigningKey { get; set; } = "";

    /// <summary>The first admin, created at start-up when no agent has this address. Empty: nobody is created.</summary>
    public string? FirstAdminEmail { get; set; }

    /// <summary>
    /// The public origin (e.g. https://help.example.com) that emailed sign-in links point to. Required wherever the
    /// host is not reached on a loopback address; never taken from the request's Host header, which a caller chooses.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The header a trusted front end sets to the caller's address (in Azure: <c>X-Forwarded-For</c>, to which App
    /// Service appends the address it saw). Rate limits then count its right-most entry. Empty: the connection's own
    /// address, right for the local host; behind a proxy every caller would then look like the proxy.
    /// </summary>
    public string? ClientAddressHeader { get; set; }

    /// <remarks>Empty optional settings (as in local.settings.sample.json) mean "not set", so they are not checked.</remarks>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FirstAdminEmail is { Length: > 0 } admin && !System.Net.Mail.MailAddress.TryCreate(admin, out _))
        {
            yield return new ValidationResult("Auth:FirstAdminEmail must be an email address.", [nameof(FirstAdminEmail)]);
        }
        if (PublicUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            yield return new ValidationResult("Auth:PublicUrl must be an absolute URL such as https://help.example.com.", [nameof(PublicUrl)]);
        }
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
