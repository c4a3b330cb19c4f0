using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Switchboard.Handlers.Hosting;

/// <summary>The <c>limit</c> and <c>continuationToken</c> query parameters every paged list reads the same way.</summary>
public static class PagingQuery
{
    /// <summary>The page size asked for, or <paramref name="defaultLimit"/>; a 400 naming <c>limit</c> outside 1..max.</summary>
    public static (int Limit, IResult? Invalid) Limit(IQueryCollection query, int defaultLimit, int maxLimit)
    {
        if (query["limit"].FirstOrDefault() is not { Length: > 0 } text)
        {
            return (defaultLimit, null);
        }
        return int.TryParse(text, out var limit) && limit is >= 1 && limit <= maxLimit
            ? (limit, null)
            : (0, Problems.BadRequest($"limit must be a whole number from 1 to {maxLimit}.", "limit"));
    }

    /// <summary>A storage position handed to the client opaque (base64url), so it is not mistaken for something to build.</summary>
    public static string Wrap(string position) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(position));

    /// <summary>
    /// The position a <see cref="Wrap"/>ped <c>continuationToken</c> holds (null when none was sent), or a 400 naming it
    /// when it is not one we could have returned (<paramref name="isValid"/> checks its shape).
    /// </summary>
    public static (string? Position, IResult? Invalid) Continuation(IQueryCollection query, Func<string, bool>? isValid = null)
    {
        if (query["continuationToken"].FirstOrDefault() is not { Length: > 0 } token)
        {
            return (null, null);
        }
        try
        {
            var position = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            if (position.Length > 0 && (isValid is null || isValid(position)))
            {
                return (position, null);
            }
        }
        catch (FormatException)
        {
        }
        return (null, NotOurs);
    }

    public static IResult NotOurs => Problems.BadRequest("continuationToken is not one this API returned.", "continuationToken");
}
