using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Functions;

public sealed record SourceFile(string Path, string Text);

/// <param name="Surface">The routes, queues and timers the [Function] methods declare.</param>
/// <param name="RuleViolations">Functions that break the house rules: one trigger, anonymous HTTP, a one-line body.</param>
public sealed record FunctionsApp(HostSurface Surface, IReadOnlyList<string> RuleViolations);

/// <summary>
/// Reads the Functions app from its source with Roslyn's parser alone: its packages do not restore here, so it cannot be
/// compiled or loaded. Names and trigger arguments must therefore be string literals, <c>nameof(X)</c> or constants
/// such as <c>QueueNames.InboundEmail</c>; anything else fails with the place to fix.
/// </summary>
public static class FunctionsSource
{
    public static string ProjectFolder { get; } = Path.Combine(RepositoryRoot.Path, "functions", "Switchboard.Functions");

    public static FunctionsApp ParseProject() => Parse(ReadProject(), HostJsonRoutePrefix(), SwitchboardConstants.Loaded);

    /// <summary><c>extensions.http.routePrefix</c> of the repository's host.json; the Functions default is "api".</summary>
    public static string HostJsonRoutePrefix()
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")), documentOptions: options);
        return hostJson?["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
    }

    public static FunctionsApp Parse(IEnumerable<SourceFile> files, string routePrefix, SwitchboardConstants constants)
    {
        var http = new List<HttpBinding>();
        var queues = new List<QueueBinding>();
        var timers = new List<TimerBinding>();
        var violations = new List<string>();
        foreach (var (method, function) in files.SelectMany(FunctionMethods))
        {
            var reader = new ArgumentReader(method, constants);
            var name = reader.String(Arguments(function).First());
            var where = $"{reader.Location} [Function({name})]";
            if (!IsOneLine(method))
            {
                violations.Add($"{where}: the body must be one call to the handler, e.g. `=> handler.HandleAsync(request, cancellationToken);`.");
            }

            var triggers = method.ParameterList.Parameters.SelectMany(p => p.AttributeLists).SelectMany(list => list.Attributes)
                .Where(attribute => AttributeName(attribute) is "HttpTrigger" or "QueueTrigger" or "TimerTrigger").ToList();
            if (triggers is not [var trigger])
            {
                violations.Add($"{where}: expected one HttpTrigger, QueueTrigger or TimerTrigger parameter, found {triggers.Count}.");
                continue;
            }

            switch (AttributeName(trigger))
            {
                case "HttpTrigger":
                    var (binding, authLevel) = ReadHttpTrigger(name, trigger, routePrefix, reader);
                    http.Add(binding);
                    if (authLevel != "Anonymous")
                    {
                        violations.Add($"{where}: use AuthorizationLevel.Anonymous (found {authLevel ?? "none"}); our handlers authorize requests themselves.");
                    }
                    break;
                case "QueueTrigger":
                    queues.Add(new QueueBinding(name, reader.String(Arguments(trigger).First())));
                    break;
                default:
                    timers.Add(new TimerBinding(name, reader.String(Arguments(trigger).First())));
                    break;
            }
        }
        return new FunctionsApp(new HostSurface(http, queues, timers), violations);
    }

    private static IEnumerable<SourceFile> ReadProject() =>
        Directory.EnumerateFiles(ProjectFolder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(ProjectFolder, path))
            .Where(path => !path.StartsWith("bin" + Path.DirectorySeparatorChar) && !path.StartsWith("obj" + Path.DirectorySeparatorChar))
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(path, File.ReadAllText(Path.Combine(ProjectFolder, path))));

    private static IEnumerable<(MethodDeclarationSyntax Method, AttributeSyntax Function)> FunctionMethods(SourceFile file) =>
        from method in CSharpSyntaxTree.ParseText(file.Text, path: file.Path).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
        from attribute in method.AttributeLists.SelectMany(list => list.Attributes)
        where AttributeName(attribute) == "Function"
        select (method, attribute);

    /// <summary>The route is the function's name when the trigger sets none, as the Functions host does.</summary>
    private static (HttpBinding Binding, string? AuthLevel) ReadHttpTrigger(string name, AttributeSyntax trigger, string routePrefix, ArgumentReader reader)
    {
        string? authLevel = null;
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in Arguments(trigger))
        {
            if (argument.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "AuthorizationLevel" } } level)
            {
                authLevel = level.Name.Identifier.ValueText;
            }
            else
            {
                verbs.Add(reader.String(argument).ToUpperInvariant());
            }
        }
        var route = trigger.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Route") is { } routeArgument
            && !routeArgument.Expression.IsKind(SyntaxKind.NullLiteralExpression)
            ? reader.String(routeArgument)
            : name;
        return (new HttpBinding(name, RouteTemplate.Normalize($"{routePrefix}/{route}"), verbs), authLevel);
    }

    /// <summary>Positional arguments only; named ones (<c>Route =</c>, <c>Connection =</c>) are read by name.</summary>
    private static IEnumerable<AttributeArgumentSyntax> Arguments(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.Where(a => a.NameEquals is null && a.NameColon is null) ?? [];

    private static bool IsOneLine(MethodDeclarationSyntax method) =>
        method.ExpressionBody is not null
        || method.Body?.Statements is [ReturnStatementSyntax or ExpressionStatementSyntax];

    private static string AttributeName(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }
}
