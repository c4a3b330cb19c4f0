using System.Text.RegularExpressions;

namespace Switchboard.Core.Threading;

// Interim (replaced by the parsing branch).
public static partial class SubjectNormalizer
{
    public static string Normalize(string subject) => Prefix().Replace(subject, "").Trim().ToLowerInvariant();

    [GeneratedRegex(@"^((re|fwd?|aw|sv)\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();
}
