using System.Reflection;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Functions;

/// <summary>One function as the Functions SDK wrote it into <c>functions.metadata</c>: the contract the real host reads.</summary>
public sealed record FunctionMetadata(string Name, JsonElement Trigger)
{
    public string TriggerType => Trigger.GetProperty("type").GetString()!;

    public string? Value(string property) => Trigger.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Upper-case verbs; empty means every verb (the SDK writes no <c>methods</c> then).</summary>
    public IReadOnlyList<string> Verbs => Trigger.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
        ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>
    /// The <c>functions.metadata</c> the SDK generated when the test build built the Functions app (the local host
    /// references it, so it is always built first, in the same configuration).
    /// </summary>
    public static IReadOnlyList<FunctionMetadata> ReadBuildOutput()
    {
        var configuration = typeof(FunctionMetadata).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(RepositoryRoot.Path, "functions", "Switchboard.Functions", "bin", configuration, "net10.0", "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(function => new FunctionMetadata(
            function.GetProperty("name").GetString()!,
            function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal)).Clone()))];
    }
}
