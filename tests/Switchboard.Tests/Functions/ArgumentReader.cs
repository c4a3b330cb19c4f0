using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Switchboard.Tests.Functions;

/// <summary>Reads the string value of an attribute argument of one [Function] method, without compiling.</summary>
public sealed class ArgumentReader(MethodDeclarationSyntax method, SwitchboardConstants constants)
{
    /// <summary>Where the method is, as <c>File.cs:line</c>, for messages.</summary>
    public string Location { get; } = Describe(method);

    /// <summary>A string literal, <c>nameof(X)</c> (its last name) or a constant such as <c>QueueNames.InboundEmail</c>.</summary>
    public string String(AttributeArgumentSyntax argument) => argument.Expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: [var named] } =>
            LastName(named.Expression),
        MemberAccessExpressionSyntax constant => constants.Read(LastName(constant.Expression), constant.Name.Identifier.ValueText),
        var other => throw new FormatException(
            $"{Location}: cannot read `{other}` without compiling; use a string literal, nameof(...) or a constant such as QueueNames.InboundEmail."),
    };

    private string LastName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => throw new FormatException($"{Location}: `{expression}` is not a name."),
    };

    private static string Describe(MethodDeclarationSyntax method)
    {
        var span = method.Identifier.GetLocation().GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}";
    }
}
