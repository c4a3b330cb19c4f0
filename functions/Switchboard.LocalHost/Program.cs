using Microsoft.Extensions.Options;
using Switchboard.LocalHost;
using Switchboard.Storage.Account;

try
{
    var app = LocalHostApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException or MissingSettingException)
{
    // A newcomer needs the setting to fix, not a stack trace.
    var problems = e is OptionsValidationException invalid ? invalid.Failures : [e.Message];
    Console.Error.WriteLine("Switchboard cannot start:");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine("  - " + problem);
    }
    Console.Error.WriteLine("Settings live in local.settings.json (see local.settings.sample.json and docs/settings.md).");
    return 1;
}
