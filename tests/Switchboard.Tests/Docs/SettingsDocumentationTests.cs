using System.Reflection;
using System.Text.Json;
using Switchboard.Core.Threading;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Inbound;
using Switchboard.Handlers.Mail;
using Switchboard.Storage.Account;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Docs;

/// <summary>local.settings.sample.json and docs/settings.md must keep up with the options classes.</summary>
public sealed class SettingsDocumentationTests
{
    private static readonly (Type Options, string Section)[] OptionsClasses =
    [
        (typeof(StorageOptions), StorageOptions.Section),
        (typeof(MailOptions), MailOptions.Section),
        (typeof(SendGridOptions), SendGridOptions.Section),
        (typeof(InboundOptions), InboundOptions.Section),
        (typeof(AuthOptions), AuthOptions.Section),
        (typeof(ThreadingOptions), ThreadingOptions.Section),
        (typeof(Switchboard.Handlers.KnowledgeBase.KnowledgeBaseOptions), Switchboard.Handlers.KnowledgeBase.KnowledgeBaseOptions.Section),
        (typeof(Switchboard.Handlers.Nps.NpsOptions), Switchboard.Handlers.Nps.NpsOptions.Section),
        (typeof(Switchboard.Handlers.Digest.DigestOptions), Switchboard.Handlers.Digest.DigestOptions.Section),
    ];

    [Fact]
    public void Every_option_is_in_the_sample_settings_and_the_settings_doc()
    {
        var sample = SampleKeys();
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "settings.md"));
        var missing = new List<string>();
        foreach (var (options, section) in OptionsClasses)
        {
            foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var key = $"{section}__{property.Name}";
                if (!sample.Any(k => k == key || k.StartsWith(key + "__", StringComparison.Ordinal))) missing.Add($"{key} not in local.settings.sample.json");
                if (!doc.Contains($"`{key}", StringComparison.Ordinal)) missing.Add($"{key} not in docs/settings.md");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_sample_setting_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "settings.md"));
        var undocumented = SampleKeys()
            .Select(k => System.Text.RegularExpressions.Regex.Replace(k, @"__\d+$", "__0"))
            .Where(k => !doc.Contains($"`{k}`", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(undocumented);
    }

    private static List<string> SampleKeys()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToList();
    }
}
