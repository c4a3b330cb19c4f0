using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Switchboard.LocalHost.Functions;

/// <summary>
/// Calls a queue or timer function as the Functions worker does: a new instance of its class for each invocation
/// (constructor injection from a fresh scope), the trigger's value for the trigger parameter, the cancellation token.
/// </summary>
internal static class FunctionInvoker
{
    public static async Task InvokeAsync(IServiceScopeFactory scopes, MethodInfo method, object trigger, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => Argument(p, trigger, cancellationToken)).ToArray();
        // DoNotWrapExceptions: a handler's exception reaches the pump (retry, poison) as itself.
        var result = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        if (result is Task task)
        {
            await task;
        }
    }

    private static object? Argument(ParameterInfo parameter, object trigger, CancellationToken cancellationToken) =>
        parameter.ParameterType == typeof(CancellationToken) ? cancellationToken
        : parameter.ParameterType.IsInstanceOfType(trigger) ? trigger
        : throw new InvalidOperationException(
            $"{parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}: the local host cannot bind parameter '{parameter.Name}' ({parameter.ParameterType.Name}).");
}

/// <summary>Feeds a <c>[QueueTrigger]</c> function from the queue pump.</summary>
public sealed class FunctionQueueHandler(QueueFunction function, IServiceScopeFactory scopes) : Queues.IQueueHandler
{
    public string QueueName => function.QueueName;

    public string FunctionName => function.Name;

    public Task HandleAsync(string message, CancellationToken cancellationToken = default) =>
        FunctionInvoker.InvokeAsync(scopes, function.Method, message, cancellationToken);
}

/// <summary>Runs a <c>[TimerTrigger]</c> function on its schedule from the timer scheduler.</summary>
public sealed class FunctionTimerJob(TimerFunction function, IServiceScopeFactory scopes) : Timers.ITimerJob
{
    public string Name => function.Name;

    public string Schedule => function.Schedule;

    public Task RunAsync(CancellationToken cancellationToken = default) =>
        FunctionInvoker.InvokeAsync(scopes, function.Method, new TimerInfo(), cancellationToken);
}
