using System.Text.Json;

namespace Switchboard.Handlers.Hosting;

/// <summary>Reads a queue message's JSON record, or throws <see cref="PoisonMessageException"/> when it can never be handled.</summary>
public static class QueueMessages
{
    /// <param name="missing">The first required field the record lacks, or null when it is complete.</param>
    public static T Read<T>(string message, string queueName, JsonSerializerOptions options, Func<T, string?>? missing = null)
        where T : class
    {
        T? record;
        try
        {
            record = JsonSerializer.Deserialize<T>(message, options);
        }
        catch (JsonException e)
        {
            throw new PoisonMessageException($"The {queueName} message is not a valid {typeof(T).Name}: {e.Message}", e);
        }
        if (record is null)
        {
            throw new PoisonMessageException($"The {queueName} message is empty (null).");
        }
        if (missing?.Invoke(record) is { } field)
        {
            throw new PoisonMessageException($"The {queueName} message lacks its {field}.");
        }
        return record;
    }
}
