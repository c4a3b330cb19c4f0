using System.Globalization;
using System.Text;

namespace Switchboard.Core.Search;

/// <summary>
/// Turns text into the terms of the search index, the same way for what is written and what is asked: lower case,
/// accents removed (é → e, ß stays), split on anything that is not a letter or digit, English stop words and
/// one-character words dropped, each term at most <see cref="MaxTermLength"/> characters. An email address is also
/// kept whole (<c>ana.pereira@example.com</c>), so searching by address finds exactly that customer.
/// </summary>
public static class SearchTerms
{
    public const int MaxTermLength = 40;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "so", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "we",
        "will", "with", "i", "you", "me", "my", "our", "your", "re", "fw", "fwd", "am", "do", "have", "has",
    };

    /// <summary>The distinct terms of <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Of(string? text) => Of(text, wholeAddressesOnly: false);

    /// <summary>
    /// The terms of a search query: as <see cref="Of(string?)"/>, except that an email address counts as the one
    /// whole-address term (its parts would only make the query less selective).
    /// </summary>
    public static IReadOnlyList<string> OfQuery(string? query) => Of(query, wholeAddressesOnly: true);

    private static IReadOnlyList<string> Of(string? text, bool wholeAddressesOnly)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in Fold(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var address = AddressIn(chunk);
            if (address is not null && seen.Add(address))
            {
                terms.Add(address);
            }
            if (address is not null && wholeAddressesOnly)
            {
                continue;
            }
            foreach (var word in Words(chunk))
            {
                if (seen.Add(word))
                {
                    terms.Add(word);
                }
            }
        }
        return terms;
    }

    /// <summary>Lower case without diacritics: "Crème Brûlée" → "creme brulee".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static IEnumerable<string> Words(string chunk)
    {
        var start = -1;
        for (var i = 0; i <= chunk.Length; i++)
        {
            var inWord = i < chunk.Length && char.IsLetterOrDigit(chunk[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = chunk[start..i];
                start = -1;
                if (word.Length > 1 && !StopWords.Contains(word))
                {
                    yield return word.Length > MaxTermLength ? word[..MaxTermLength] : word;
                }
            }
        }
    }

    /// <summary>"&lt;ana@example.com&gt;," → "ana@example.com"; null when the chunk is not an address.</summary>
    private static string? AddressIn(string chunk)
    {
        var trimmed = chunk.Trim('<', '>', '(', ')', '[', ']', '"', '\'', ',', ';', ':', '.');
        var at = trimmed.IndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.IndexOf('@', at + 1) >= 0 || !trimmed[(at + 1)..].Contains('.'))
        {
            return null;
        }
        return trimmed.Length <= 254 && trimmed.All(c => c > ' ' && c < 127) ? trimmed : null;
    }
}
