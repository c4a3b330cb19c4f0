using Switchboard.Core.Inbound;

namespace Switchboard.Tests.Inbound.Parsing;

/// <summary>The .eml files under TestData/Inbound, copied next to the test assembly.</summary>
internal static class InboundFixtures
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "Inbound");

    public static ParsedEmail Parse(string relativePath) => MailParser.Parse(File.ReadAllBytes(Path.Combine(Root, relativePath)));

    public static List<string> Files() =>
        Directory.GetFiles(Root, "*.eml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> All() => new(Files());
}
