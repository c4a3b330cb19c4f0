using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Benchmarks;
using Switchboard.Core;
using Switchboard.Handlers.Events;
using Switchboard.Handlers.Inbound;
using Switchboard.LocalHost;
using Switchboard.Storage.Account;
using Switchboard.Tests.Infrastructure;

// dotnet run -c Release --project bench/Switchboard.Benchmarks [-- emails-per-kind]
// dotnet run -c Release --project bench/Switchboard.Benchmarks -- escalation [conversations]
// dotnet run -c Release --project bench/Switchboard.Benchmarks -- cold-start [runs]
// dotnet run -c Release --project bench/Switchboard.Benchmarks -- ingest [emails-per-level] [senders,…]
// dotnet run -c Release --project bench/Switchboard.Benchmarks -- operations [repeats]
// dotnet run -c Release --project bench/Switchboard.Benchmarks -- memory [emails] [senders,…]
if (args is ["ingest", ..])
{
    return await Switchboard.Benchmarks.Ingest.IngestBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300,
        args.Length > 2 ? [.. args[2].Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture))] : [1, 8, 32]);
}
if (args is ["memory", ..])
{
    return await Switchboard.Benchmarks.Memory.MemoryBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000,
        args.Length > 2 ? [.. args[2].Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture))] : [8]);
}
if (args is ["operations", ..])
{
    return await Switchboard.Benchmarks.Operations.OperationsBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
}
if (args is ["cold-start", ..])
{
    return await ColdStart.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
}
if (args is ["escalation", ..])
{
    return await EscalationLatency.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40);
}
var perKind = args.Length > 0 ? int.Parse(args[0]) : 50;
const int WarmUp = 5;
var azurite = await Azurite.GetAsync();
var tally = new TransactionTally();
// The benchmark plays the queue trigger itself, so that it can count the trigger's work apart from the app's.
await using var host = await BenchHost.StartAsync(azurite, new Dictionary<string, string?> { ["LocalHost:Queues:Enabled"] = "false" },
    services => services.AddSingleton<ClientOptionsHook>(options => tally.For(options switch
    {
        TableClientOptions => "table",
        QueueClientOptions => "queue",
        _ => "blob",
    }).Attach(options)));
var (app, http, webhookSecret) = host;
var names = app.Services.GetRequiredService<StorageAccount>().Names;
// The trigger's receive and delete, on a client of their own so that they are counted apart.
var housekeeping = new StorageTransactionCounter();
var triggerQueues = new QueueServiceClient(azurite.ConnectionString, Hooked(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
var inbound = (Queue: triggerQueues.GetQueueClient(names.Queue(QueueNames.InboundEmail)), Handle: (Func<string, CancellationToken, Task>)app.Services.GetRequiredService<ProcessInboundEmail>().HandleAsync);
var events = (Queue: triggerQueues.GetQueueClient(names.Queue(QueueNames.DomainEvents)), Handle: (Func<string, CancellationToken, Task>)app.Services.GetRequiredService<DispatchDomainEvent>().HandleAsync);

var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
var results = new List<EmailCost>();
for (var i = 0; i < perKind + WarmUp; i++)
{
    var now = TimeProvider.System.GetUtcNow();
    var first = await MeasureAsync("new conversation", SyntheticMail.NewConversation(run, i, now));
    var reply = await MeasureAsync("reply in its conversation", SyntheticMail.Reply(run, i, now.AddMinutes(5)));
    if (i >= WarmUp)
    {
        results.Add(first);
        results.Add(reply);
    }
}

Report.Print(results, perKind);
return 0;

async Task<EmailCost> MeasureAsync(string kind, byte[] mime)
{
    tally.Reset();
    housekeeping.Reset();
    var clock = Stopwatch.StartNew();
    var content = new ByteArrayContent(mime);
    content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
    var response = await http.PostAsync($"/api/inbound/mime?key={webhookSecret}", content);
    response.EnsureSuccessStatusCode();
    var webhook = tally.Snapshot();
    tally.Reset();

    var handled = await DrainAsync(inbound);
    var inboundHandler = tally.Snapshot();
    tally.Reset();
    handled += await DrainAsync(events);
    var eventsHandler = tally.Snapshot();
    clock.Stop();
    var trigger = new Dictionary<(string, string), int>();
    foreach (var request in housekeeping.Requests)
    {
        var key = ("queue", request.StartsWith("GET ", StringComparison.Ordinal) ? "read" : "write");
        trigger[key] = trigger.GetValueOrDefault(key) + 1;
    }
    return new EmailCost(kind, webhook, inboundHandler, eventsHandler, trigger, handled, clock.Elapsed.TotalMilliseconds);
}

// One receive of up to a batch, as the trigger does, then handle and delete each message. Emails are measured one at a
// time, so the batch holds exactly what this email queued.
async Task<int> DrainAsync((QueueClient Queue, Func<string, CancellationToken, Task> Handle) queue)
{
    var batch = (await queue.Queue.ReceiveMessagesAsync(16)).Value;
    foreach (var message in batch)
    {
        await queue.Handle(message.Body.ToString(), CancellationToken.None);
        await queue.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
    }
    return batch.Length;
}

QueueClientOptions Hooked(QueueClientOptions options)
{
    housekeeping.Attach(options);
    return options;
}
