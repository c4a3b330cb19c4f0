using System.Reflection;

namespace Switchboard.Tests.Functions;

/// <summary>
/// Reads the constants the Functions source names, such as <c>QueueNames.InboundEmail</c>, from the Switchboard
/// assemblies built next to the tests: the type is found by its simple name, as the source spells it.
/// </summary>
public sealed class SwitchboardConstants(IEnumerable<Type> types)
{
    public static SwitchboardConstants Loaded { get; } = new(
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Switchboard.*.dll")
            .Where(path => !Path.GetFileName(path).StartsWith("Switchboard.Tests", StringComparison.Ordinal))
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)))
            .SelectMany(assembly => assembly.GetTypes()));

    private readonly ILookup<string, Type> typesByName = types.ToLookup(type => type.Name, StringComparer.Ordinal);

    public string Read(string typeName, string constantName)
    {
        var type = typesByName[typeName].ToList() switch
        {
            [var single] => single,
            [] => throw new InvalidOperationException($"No Switchboard type is named {typeName}."),
            var several => throw new InvalidOperationException(
                $"Several Switchboard types are named {typeName} ({string.Join(", ", several.Select(t => t.FullName))}); the tests cannot tell which one the Functions source means."),
        };
        var field = type.GetField(constantName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
        return field is { IsLiteral: true } && field.GetRawConstantValue() is string value
            ? value
            : throw new InvalidOperationException($"{type.FullName}.{constantName} is not a string constant.");
    }
}
