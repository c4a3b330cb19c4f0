using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Switchboard.Core.KnowledgeBase;

/// <summary>One line of a diff between two texts: <c>kind</c> is <c>same</c>, <c>added</c> or <c>removed</c>.</summary>
public sealed record DiffLine(string Kind, string Text);

/// <summary>Line diffs between two revisions' texts (DiffPlex), for the editor's history and the 409 of a stale save.</summary>
public static class RevisionDiff
{
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var model = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        return model.Lines
            .Where(l => l.Type != ChangeType.Imaginary)
            .Select(l => new DiffLine(l.Type switch
            {
                ChangeType.Inserted => "added",
                ChangeType.Deleted => "removed",
                _ => "same",
            }, l.Text))
            .ToList();
    }

    /// <summary>Only the changed lines: what a teammate changed, without the text both versions share.</summary>
    public static IReadOnlyList<DiffLine> Changes(string before, string after) =>
        Lines(before, after).Where(l => l.Kind != "same").ToList();
}
