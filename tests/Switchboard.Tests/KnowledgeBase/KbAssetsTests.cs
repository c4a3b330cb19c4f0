using System.Text;
using System.Text.Json;
using Switchboard.Handlers.KnowledgeBase.Site;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.KnowledgeBase;

public sealed class KbAssetsTests
{
    [Fact]
    public void The_published_MiniSearch_is_the_npm_build_of_the_version_web_package_json_pins()
    {
        var web = Path.Combine(RepositoryRoot.Path, "web");
        var pinned = JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "package.json"))).RootElement.GetProperty("devDependencies").GetProperty("minisearch").GetString();
        var dist = Path.Combine(web, "node_modules", "minisearch", "dist", "umd", "index.js");
        Assert.True(File.Exists(dist), $"{dist} is missing: run 'npm --prefix web ci'.");

        var vendored = Encoding.UTF8.GetString(KbAssets.Of("minisearch.js"));

        Assert.Equal($"/*! MiniSearch {pinned} | MIT License | Copyright 2022 Luca Ongaro */\n" + File.ReadAllText(dist), vendored);
    }
}
