using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Hosting;
using Switchboard.Handlers.KnowledgeBase;

namespace Switchboard.Functions.KnowledgeBase;

public sealed class ArticleFileFunctions(UploadArticleFile uploadFile, GetArticleFile getFile)
{
    [Function(nameof(UploadArticleFile))]
    [EndpointSummary("Uploads an image or document (the body, typed by Content-Type; ?name= the file name) and answers the Markdown to insert.")]
    [Tags("Knowledge base")]
    [ProducesResponseType<ArticleFileView>(StatusCodes.Status201Created, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public Task<IResult> UploadArticleFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kb/files")] HttpRequest request,
        CancellationToken cancellationToken) =>
        uploadFile.HandleAsync(request, cancellationToken);

    [Function(nameof(GetArticleFile))]
    [EndpointSummary("An uploaded file, for the editor's preview.")]
    [Tags("Knowledge base")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public Task<IResult> GetArticleFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/files/{fileId}/{name}")] HttpRequest request,
        string fileId, string name, CancellationToken cancellationToken) =>
        getFile.HandleAsync(request, fileId, name, cancellationToken);
}
