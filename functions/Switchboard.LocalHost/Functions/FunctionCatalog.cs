using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Functions;

namespace Switchboard.LocalHost.Functions;

/// <summary>An HTTP-triggered function: its route (no prefix: host.json's routePrefix is ""), verbs (empty: any) and level.</summary>
public sealed record HttpFunction(string Name, MethodInfo Method, string Route, IReadOnlyList<string> Verbs, AuthorizationLevel AuthorizationLevel);

public sealed record QueueFunction(string Name, MethodInfo Method, string QueueName);

/// <summary>A timer-triggered function and its six-field NCRONTAB schedule (UTC).</summary>
public sealed record TimerFunction(string Name, MethodInfo Method, string Schedule);

/// <summary>
/// The functions of the Functions app, read from its compiled assembly as the SDK reads them for
/// <c>functions.metadata</c>: every public method with <c>[Function]</c>, by the trigger attribute on its parameter.
/// The local host serves exactly these, by invoking the same methods.
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<HttpFunction> http, IReadOnlyList<QueueFunction> queues, IReadOnlyList<TimerFunction> timers)
    {
        Http = http;
        Queues = queues;
        Timers = timers;
    }

    public IReadOnlyList<HttpFunction> Http { get; }
    public IReadOnlyList<QueueFunction> Queues { get; }
    public IReadOnlyList<TimerFunction> Timers { get; }

    /// <summary>The Switchboard Functions app.</summary>
    public static FunctionCatalog App { get; } = Read(typeof(WorkerSetup).Assembly);

    public static FunctionCatalog Read(Assembly assembly)
    {
        List<HttpFunction> http = [];
        List<QueueFunction> queues = [];
        List<TimerFunction> timers = [];
        var methods = assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(m => m.Function is not null);
        foreach (var (method, function) in methods)
        {
            var name = function!.Name;
            var triggers = method.GetParameters().Select(p => p.GetCustomAttributes().FirstOrDefault(IsTrigger)).OfType<Attribute>().ToList();
            switch (triggers)
            {
                case [HttpTriggerAttribute trigger]:
                    http.Add(new HttpFunction(name, method, trigger.Route ?? name,
                        trigger.Methods?.Select(m => m.ToUpperInvariant()).ToList() ?? [], trigger.AuthLevel));
                    break;
                case [QueueTriggerAttribute trigger]:
                    queues.Add(new QueueFunction(name, method, trigger.QueueName));
                    break;
                case [TimerTriggerAttribute trigger]:
                    timers.Add(new TimerFunction(name, method, trigger.Schedule));
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Function '{name}' ({method.DeclaringType?.Name}.{method.Name}) needs exactly one HTTP, queue or timer trigger for the local host to serve it.");
            }
        }
        return new FunctionCatalog(http, queues, timers);
    }

    private static bool IsTrigger(Attribute attribute) =>
        attribute is HttpTriggerAttribute or QueueTriggerAttribute or TimerTriggerAttribute
        || attribute.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal);
}
