using Switchboard.Handlers.KnowledgeBase;

namespace Switchboard.Functions.KnowledgeBase;

public sealed class ArticleFileFunctions(AgentApi api, UploadArticleFile uploadFile, GetArticleFile getFile)
{
    [Function(nameof(UploadArticleFile))]
    [Api("Knowledge base", "Uploads an image or document (the body, typed by Content-Type; ?name= the file name) and answers the Markdown to insert.", typeof(ArticleFileView), Status = 201, Problems = [400, 401, 413, 415])]
    public Task<IResult> UploadArticleFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kb/files")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<ArticleUpload>(request, Callers.AnyAgent, (_, upload) => uploadFile.HandleAsync(upload, cancellationToken), cancellationToken);

    [Function(nameof(GetArticleFile))]
    [Api("Knowledge base", "An uploaded file, for the editor's preview.", Status = 200, Problems = [401, 404])]
    public Task<IResult> GetArticleFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/files/{fileId}/{name}")] HttpRequest request,
        string fileId, string name, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getFile.HandleAsync(fileId, name, cancellationToken), cancellationToken,
            RouteId.Of(fileId, "file", Handlers.KnowledgeBase.GetArticleFile.IsFileId));
}
