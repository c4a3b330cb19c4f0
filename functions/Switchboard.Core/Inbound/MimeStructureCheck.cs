using System.Text;
using MimeKit;

namespace Switchboard.Core.Inbound;

/// <summary>
/// Notes multiparts whose closing boundary never comes: MimeKit reads what is there, but the message was
/// probably cut off in transit, so later parts may be missing.
/// </summary>
internal static class MimeStructureCheck
{
    public static void NoteUnterminatedMultiparts(MimeEntity? root, byte[] raw, ICollection<string> problems)
    {
        if (root is null)
            return;
        var source = Encoding.Latin1.GetString(raw);
        foreach (var multipart in Multiparts(root))
        {
            var boundary = multipart.Boundary;
            if (!string.IsNullOrEmpty(boundary) && !source.Contains("--" + boundary + "--", StringComparison.Ordinal))
                problems.Add($"{multipart.ContentType.MimeType} has no closing boundary; the message may be truncated");
        }
    }

    private static IEnumerable<Multipart> Multiparts(MimeEntity entity)
    {
        if (entity is not Multipart multipart)
            yield break;
        yield return multipart;
        foreach (var inner in multipart.SelectMany(Multiparts))
            yield return inner;
    }
}
