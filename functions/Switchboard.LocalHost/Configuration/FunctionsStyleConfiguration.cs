using Microsoft.Extensions.Configuration.Memory;

namespace Switchboard.LocalHost.Configuration;

/// <summary>
/// Reads settings the way the Functions host does, so one set of files drives both hosts:
/// <c>host.json</c> under <c>AzureFunctionsJobHost:</c> (overridable by app settings such as
/// <c>AzureFunctionsJobHost__extensions__queues__batchSize</c>), then the <c>Values</c> of <c>local.settings.json</c>,
/// then environment variables and the command line, which win.
/// </summary>
public static class FunctionsStyleConfiguration
{
    public const string HostJsonPrefix = "AzureFunctionsJobHost";

    public static void AddFunctionsStyleSources(this ConfigurationManager configuration, string? repositoryRoot, bool readLocalSettings = true)
    {
        var hostJson = FindFile("host.json", repositoryRoot, AppContext.BaseDirectory);
        var localSettings = readLocalSettings ? FindFile("local.settings.json", repositoryRoot) : null;

        var layers = new List<IDictionary<string, string?>>();
        if (hostJson is not null)
        {
            layers.Add(Prefixed(new ConfigurationBuilder().AddJsonFile(hostJson, optional: false).Build(), HostJsonPrefix));
        }
        if (localSettings is not null)
        {
            layers.Add(LocalSettingsValues(localSettings));
        }

        // Lowest precedence first: inserted ahead of appsettings, environment and command line.
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = layers[i]! });
        }
    }

    /// <summary>The folder that holds Serverless.sln, looked for above the working directory and the binaries.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }

    private static string? FindFile(string name, params string?[] folders) =>
        folders.Where(f => f is not null).Select(f => Path.Combine(f!, name)).FirstOrDefault(File.Exists);

    private static Dictionary<string, string?> Prefixed(IConfiguration source, string prefix) =>
        source.AsEnumerable().Where(kv => kv.Value is not null)
            .ToDictionary(kv => $"{prefix}:{kv.Key}", kv => kv.Value, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, string?> LocalSettingsValues(string path)
    {
        var values = new ConfigurationBuilder().AddJsonFile(path, optional: false).Build().GetSection("Values");
        return values.GetChildren()
            .ToDictionary(c => c.Key.Replace("__", ":", StringComparison.Ordinal), c => c.Value, StringComparer.OrdinalIgnoreCase);
    }
}
