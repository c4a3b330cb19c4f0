namespace Switchboard.Storage.KnowledgeBase;

/// <summary>An article as it is now: <c>KbArticles</c>, PartitionKey <c>a</c>, RowKey the article id.</summary>
public sealed class ArticleEntity : ITableEntity
{
    public string PartitionKey { get; set; } = ArticleStore.ArticlePartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Category { get; set; }
    public string? Summary { get; set; }
    public string Status { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Counts saves from 1; the API's ETag is <c>"v{Version}"</c>.</summary>
    public int Version { get; set; }
    public string AuthorId { get; set; } = "";
    public string? AuthorName { get; set; }
    public string LastEditorId { get; set; } = "";
    public string? LastEditorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>Which article a slug names: <c>KbArticles</c>, PartitionKey <c>s</c>, RowKey the slug. Old slugs keep their row, so links redirect.</summary>
public sealed class SlugEntity : ITableEntity
{
    public string PartitionKey { get; set; } = ArticleStore.SlugPartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ArticleId { get; set; } = "";
}

/// <summary>A category and its place on the home page: <c>KbArticles</c>, PartitionKey <c>c</c>, RowKey the escaped name.</summary>
public sealed class CategoryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = ArticleStore.CategoryPartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public int Order { get; set; }
}

/// <summary>One save of an article, whole: <c>KbRevisions</c>, PartitionKey the article id, RowKey the version (10 digits).</summary>
public sealed class RevisionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Version { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Category { get; set; }
    public string? Summary { get; set; }
    public string Status { get; set; } = "";
    public string Body { get; set; } = "";
    public string EditorId { get; set; } = "";
    public string? EditorName { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    /// <summary>Set when this save restored an earlier version.</summary>
    public int? RestoredFrom { get; set; }
}
