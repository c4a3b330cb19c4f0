using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Hosting;
using Switchboard.Handlers.KnowledgeBase;
using Switchboard.Handlers.KnowledgeBase.Site;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.KnowledgeBase;

/// <summary>The authoring handlers called directly with the caller and typed input, as AgentApi calls them.</summary>
public sealed class ArticleHandlerTests
{
    private static readonly Switchboard.Handlers.Auth.Agent Author = HandlerCalls.BootstrapAdmin;

    private static async Task<ArticleView> CreateAsync(IServiceProvider services, string title, string body, string? category = null, string? status = null)
    {
        var result = await services.GetRequiredService<CreateArticle>().HandleAsync(Author, new ArticleInput(title, body, category, Status: status));
        Assert.Equal(StatusCodes.Status201Created, result.Status());
        return result.Value<ArticleView>();
    }

    [Fact]
    public async Task A_save_states_its_ETag_and_a_stale_one_is_a_409_that_writes_nothing()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var services = host.Services;
        var created = await CreateAsync(services, "Refunds", "Five days.");
        var update = services.GetRequiredService<UpdateArticle>();

        var saved = await update.HandleAsync(Author, created.Id, new ArticleEdit(1, new ArticleInput(null, "Three days.")));
        var stale = await update.HandleAsync(Author, created.Id, new ArticleEdit(1, new ArticleInput(null, "A week.")));
        var current = await services.GetRequiredService<GetArticle>().HandleAsync(created.Id);

        Assert.Equal("\"v2\"", Assert.IsType<ETaggedResult>(saved).ETag);
        Assert.Equal(StatusCodes.Status409Conflict, stale.Status());
        Assert.Equal(("Three days.", "\"v2\""), (current.Value<ArticleView>().Body, Assert.IsType<ETaggedResult>(current).ETag));
    }

    [Fact]
    public async Task Restoring_a_revision_saves_its_text_again_and_a_bad_version_is_a_400()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var services = host.Services;
        var created = await CreateAsync(services, "Shipping", "Two days.");
        await services.GetRequiredService<UpdateArticle>().HandleAsync(Author, created.Id, new ArticleEdit(1, new ArticleInput("Shipping times", "Ten days.")));
        var restore = services.GetRequiredService<RestoreArticleRevision>();

        var restored = await restore.HandleAsync(Author, created.Id, "1", new SeenVersion(2));
        var bad = await restore.HandleAsync(Author, created.Id, "one", new SeenVersion(3));
        var diff = await services.GetRequiredService<DiffArticleRevisions>().HandleAsync(created.Id, new RevisionRange(1, 2));
        var missing = await services.GetRequiredService<DiffArticleRevisions>().HandleAsync(created.Id, new RevisionRange(1, 9));

        Assert.Equal(("Shipping", "Two days.", 3), (restored.Value<ArticleView>().Title, restored.Value<ArticleView>().Body, restored.Value<ArticleView>().Version));
        Assert.Equal(StatusCodes.Status400BadRequest, bad.Status());
        Assert.Equal(["title", "body"], diff.Value<RevisionDiffView>().ChangedFields);
        Assert.Equal(StatusCodes.Status404NotFound, missing.Status());
    }

    [Fact]
    public async Task The_list_filters_by_status_and_words_and_the_preview_is_sanitized()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var services = host.Services;
        await CreateAsync(services, "Reset your password", "Open Settings.", "Account", "published");
        await CreateAsync(services, "Invoices", "Billing password is not a thing.", "Billing");

        var published = (await services.GetRequiredService<ListArticles>().HandleAsync(new ArticleQuery("published", null, null))).Value<ArticleList>();
        var password = (await services.GetRequiredService<ListArticles>().HandleAsync(new ArticleQuery(null, null, "password"))).Value<ArticleList>();
        var preview = services.GetRequiredService<PreviewArticle>().Handle(new PreviewInput("<img src=x onerror=alert(1)>**ok**"));

        Assert.Equal(["Reset your password"], published.Items.Select(a => a.Title));
        Assert.Equal(["Reset your password", "Invoices"], password.Items.Select(a => a.Title));
        Assert.DoesNotContain("onerror", preview.Value<PreviewView>().Html);
        Assert.Contains("<strong>ok</strong>", preview.Value<PreviewView>().Html);
    }

    [Fact]
    public async Task An_upload_answers_the_markdown_to_insert_and_is_read_back_by_its_path()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var services = host.Services;
        byte[] pdf = [0x25, 0x50, 0x44, 0x46];

        var uploaded = (await services.GetRequiredService<UploadArticleFile>().HandleAsync(
            new ArticleUpload("terms.pdf", "application/pdf", BinaryData.FromBytes(pdf)))).Value<ArticleFileView>();
        var fileId = uploaded.Path.Split('/')[0];
        var read = await services.GetRequiredService<GetArticleFile>().HandleAsync(fileId, "terms.pdf");
        var otherName = await services.GetRequiredService<GetArticleFile>().HandleAsync(fileId, "other.pdf");

        Assert.Equal($"[terms.pdf](/api/kb/files/{uploaded.Path})", uploaded.Markdown);
        Assert.Equal(pdf, Assert.IsAssignableFrom<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult>(read).FileContents.ToArray());
        Assert.Equal(StatusCodes.Status404NotFound, otherName.Status());
    }

    [Fact]
    public async Task Reordered_categories_are_listed_and_published_in_that_order()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var services = host.Services;
        await CreateAsync(services, "Reset your password", "x", "Account", "published");
        await CreateAsync(services, "Invoices", "x", "Billing", "published");
        await CreateAsync(services, "Shipping", "x", "Orders", "published");
        var reorder = services.GetRequiredService<ReorderCategories>();

        var before = (await services.GetRequiredService<KbSiteModel>().LoadAsync()).Categories.Select(c => c.Name).ToList();
        var result = await reorder.HandleAsync(new CategoryOrder(["Orders", "account"]));
        var unknown = await reorder.HandleAsync(new CategoryOrder(["Returns"]));
        var listed = (await services.GetRequiredService<ListArticles>().HandleAsync(new ArticleQuery(null, null, null))).Value<ArticleList>();
        var site = (await services.GetRequiredService<KbSiteModel>().LoadAsync()).Categories.Select(c => c.Name).ToList();

        Assert.Equal(["Account", "Billing", "Orders"], before);
        Assert.Equal(["Orders", "Account", "Billing"], result.Value<CategoryList>().Names);
        Assert.Equal(StatusCodes.Status400BadRequest, unknown.Status());
        Assert.Equal(["Orders", "Account", "Billing"], listed.Categories);
        Assert.Equal(["Orders", "Account", "Billing"], site);
    }
}
