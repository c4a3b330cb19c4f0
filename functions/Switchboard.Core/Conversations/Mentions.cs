using System.Text.RegularExpressions;

namespace Switchboard.Core.Conversations;

/// <summary>
/// <c>@handle</c> in an internal note. An agent's handles are their display name without spaces and the local part of
/// their email address, compared case-insensitively: Ada Lovelace &lt;ada.l@acme.test&gt; answers to <c>@AdaLovelace</c>
/// and <c>@ada.l</c>. A handle starts after a space, a line start or an opening bracket (so <c>ada@acme.test</c> is no
/// mention), and a trailing '.', '-' or '_' ends the sentence rather than the handle.
/// </summary>
public static partial class Mentions
{
    /// <summary>The distinct handles named in the text, lower-case.</summary>
    public static IReadOnlySet<string> Find(string text) =>
        Handle().Matches(text).Select(m => m.Groups[1].Value.TrimEnd('.', '-', '_').ToLowerInvariant())
            .Where(h => h.Length > 0).ToHashSet();

    /// <summary>The handles an agent answers to.</summary>
    public static IEnumerable<string> HandlesOf(string displayName, string email)
    {
        var name = string.Concat(displayName.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        if (name.Length > 0) yield return name;
        var at = email.IndexOf('@');
        if (at > 0) yield return email[..at].ToLowerInvariant();
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.@-])@([\p{L}\p{N}._-]+)")]
    private static partial Regex Handle();
}
