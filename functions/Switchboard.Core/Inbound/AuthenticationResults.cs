using System.Text;

namespace Switchboard.Core.Inbound;

/// <summary>One method's verdict in an Authentication-Results header: <c>dkim=pass header.d=acme.test</c>.</summary>
/// <param name="Method">Lower case, without version: <c>spf</c>, <c>dkim</c>, <c>dmarc</c>, <c>arc</c>, …</param>
/// <param name="Result">Lower case: <c>pass</c>, <c>fail</c>, <c>softfail</c>, <c>none</c>, …</param>
/// <param name="Properties">Lower-case keys such as <c>header.d</c>, <c>header.from</c>, <c>smtp.mailfrom</c>; values unquoted.</param>
public sealed record AuthenticationResult(string Method, string Result, IReadOnlyDictionary<string, string> Properties);

/// <summary>
/// An <c>Authentication-Results</c> (RFC 8601) or <c>ARC-Authentication-Results</c> (RFC 8617) header: who checked
/// (<see cref="AuthservId"/>, lower case) and what they found. Trust it only when the checker is the server that
/// received the mail for us: anyone can write such a header into the message they send.
/// </summary>
public sealed record AuthenticationResults(string AuthservId, IReadOnlyList<AuthenticationResult> Results)
{
    /// <summary>
    /// Reads a header value: comments dropped, quoted strings kept whole, an ARC header's leading <c>i=N;</c> skipped.
    /// Null when the value has no authserv-id. Unknown parts are skipped rather than failing the whole header.
    /// </summary>
    public static AuthenticationResults? Parse(string value, bool arc = false)
    {
        var parts = SplitOutsideQuotes(WithoutComments(value), ';').Select(p => p.Trim()).ToList();
        if (arc && parts.Count > 0 && parts[0].StartsWith("i=", StringComparison.OrdinalIgnoreCase))
        {
            parts.RemoveAt(0);
        }
        if (parts.Count == 0 || Tokens(parts[0]).FirstOrDefault() is not { Length: > 0 } authservId)
        {
            return null;
        }
        var results = new List<AuthenticationResult>();
        foreach (var part in parts.Skip(1))
        {
            var tokens = Tokens(part);
            if (tokens.Count == 0 || tokens[0].Split('=', 2) is not [var methodSpec, var result] || result.Length == 0)
            {
                continue;
            }
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var token in tokens.Skip(1))
            {
                if (token.Split('=', 2) is [var key, var propertyValue] && key.Length > 0)
                {
                    properties.TryAdd(key.ToLowerInvariant(), Unquote(propertyValue));
                }
            }
            results.Add(new AuthenticationResult(methodSpec.Split('/')[0].ToLowerInvariant(), Unquote(result).ToLowerInvariant(), properties));
        }
        return new AuthenticationResults(Unquote(authservId).ToLowerInvariant(), results);
    }

    /// <summary>Whitespace-separated tokens, with spaces around "=" removed first (RFC 8601 allows CFWS there).</summary>
    private static List<string> Tokens(string part)
    {
        var compact = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (c == '"' && (i == 0 || part[i - 1] != '\\'))
            {
                inQuotes = !inQuotes;
            }
            if (!inQuotes && char.IsWhiteSpace(c) && (NextNonSpace(part, i) == '=' || PreviousNonSpace(compact) == '='))
            {
                continue;
            }
            compact.Append(c);
        }
        return SplitOutsideQuotes(compact.ToString(), ' ', '\t', '\r', '\n').Where(t => t.Length > 0).ToList();
    }

    private static char? NextNonSpace(string s, int from)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (!char.IsWhiteSpace(s[i]))
            {
                return s[i];
            }
        }
        return null;
    }

    private static char? PreviousNonSpace(StringBuilder s) => s.Length == 0 ? null : s[^1];

    /// <summary>Drops (comments), which may nest, outside quoted strings.</summary>
    private static string WithoutComments(string value)
    {
        var output = new StringBuilder(value.Length);
        var depth = 0;
        var inQuotes = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var escaped = i > 0 && value[i - 1] == '\\';
            if (depth == 0 && c == '"' && !escaped)
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c == '(' && !escaped)
            {
                depth++;
                continue;
            }
            else if (!inQuotes && c == ')' && depth > 0 && !escaped)
            {
                depth--;
                continue;
            }
            if (depth == 0)
            {
                output.Append(c);
            }
        }
        return output.ToString();
    }

    private static List<string> SplitOutsideQuotes(string value, params char[] separators)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"' && (i == 0 || value[i - 1] != '\\'))
            {
                inQuotes = !inQuotes;
            }
            if (!inQuotes && separators.Contains(c))
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        parts.Add(current.ToString());
        return parts;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;
}
