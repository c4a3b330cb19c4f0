using Microsoft.AspNetCore.Routing.Patterns;

namespace Switchboard.Tests.Functions;

/// <summary>
/// One spelling per route, so the local host's patterns and the functions' routes compare the way routers see them.
/// Both hosts parse templates with ASP.NET Core routing, so the rule is applied to the parsed pattern:
/// <list type="bullet">
/// <item>literal segments are lower-cased, and leading or trailing slashes do not count (matching ignores both);</item>
/// <item>parameter names are lower-cased but kept: both hosts bind a handler's <c>string id</c> argument by name, ignoring case;</item>
/// <item>constraints, defaults, <c>?</c> and catch-all markers are kept as written: both hosts apply the same constraints,
/// and <c>{id}</c> against <c>{id:guid}</c> changes which requests reach the handler (a 404 on one host, the handler on the other).</item>
/// </list>
/// So <c>/api/Conversations/{ID:guid}</c> equals <c>api/conversations/{id:guid}/</c>, but not <c>/api/conversations/{id}</c>.
/// </summary>
public static class RouteTemplate
{
    public static string Normalize(string template) => Normalize(RoutePatternFactory.Parse(template));

    public static string Normalize(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(Part))));

    private static string Part(RoutePatternPart part) => part switch
    {
        RoutePatternLiteralPart literal => literal.Content.ToLowerInvariant(),
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => Parameter(parameter),
        _ => throw new NotSupportedException($"Unexpected route part {part.GetType().Name}."),
    };

    private static string Parameter(RoutePatternParameterPart parameter)
    {
        var catchAll = !parameter.IsCatchAll ? "" : parameter.EncodeSlashes ? "*" : "**";
        var constraints = string.Concat(parameter.ParameterPolicies.Select(policy => ":" + policy.Content));
        var defaultValue = parameter.Default is null ? "" : "=" + parameter.Default;
        var optional = parameter.IsOptional ? "?" : "";
        return "{" + catchAll + parameter.Name.ToLowerInvariant() + constraints + defaultValue + optional + "}";
    }
}
