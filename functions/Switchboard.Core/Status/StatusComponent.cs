namespace Switchboard.Core.Status;

/// <summary>One part of the product customers see on the page ("Email delivery", "Agent app"), optionally in a group.</summary>
public sealed record StatusComponent(string Id, string Name, string? Group, string? Description, ComponentState State, int Position);

/// <summary>A component's state as set by an incident update or a maintenance window.</summary>
public sealed record ComponentChange(string ComponentId, ComponentState State);

/// <summary>Thrown when a change would break an incident's or a maintenance window's rules; the API answers 409.</summary>
public sealed class StatusRuleException(string message) : Exception(message);
