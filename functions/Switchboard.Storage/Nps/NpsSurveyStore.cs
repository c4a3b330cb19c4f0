namespace Switchboard.Storage.Nps;

/// <summary>One NPS survey: sent to a closed conversation's customer, and their answer once they click.</summary>
public sealed class NpsSurveyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = NpsSurveyStore.SurveyRow;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ConversationId { get; set; } = "";
    public string Mailbox { get; set; } = "";
    public string CustomerEmail { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
    public int? Score { get; set; }
    /// <summary>When the customer first answered: the day the answer counts on, whatever they change later.</summary>
    public DateTimeOffset? FirstAnsweredAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// Table <c>NpsSurveys</c>. A survey: PartitionKey = survey id (derived from the conversation and its closing time, so a
/// redelivered message finds the survey it already sent), RowKey <c>survey</c>. When a customer was last asked:
/// PartitionKey <c>customer|{address, lower case, key-escaped}</c>, RowKey <c>last</c> — a point read for the 90-day rule.
/// </summary>
public sealed class NpsSurveyStore(StorageAccount storage)
{
    public const string SurveyRow = "survey";
    private const string LastRow = "last";

    private TableClient Table => storage.Table(StorageLayout.NpsSurveysTable);

    private static string CustomerPartition(string email) => "customer|" + KeyEncoding.Escape(email.Trim().ToLowerInvariant());

    public async Task<NpsSurveyEntity?> GetAsync(string surveyId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<NpsSurveyEntity>(surveyId, SurveyRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Claims the survey before its mail goes out; false when it exists already (a redelivered message).</summary>
    public async Task<bool> TryAddAsync(NpsSurveyEntity survey, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(survey, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Gives up a claim whose mail could not be sent, so the retried message sends it.</summary>
    public Task RemoveAsync(string surveyId, CancellationToken cancellationToken = default) =>
        Table.DeleteEntityAsync(surveyId, SurveyRow, cancellationToken: cancellationToken);

    /// <summary>Writes the answer (or comment) back; the last click wins, as a change of mind should.</summary>
    public Task SaveAsync(NpsSurveyEntity survey, CancellationToken cancellationToken = default) =>
        Table.UpdateEntityAsync(survey, ETag.All, TableUpdateMode.Replace, cancellationToken);

    public async Task<DateTimeOffset?> LastSurveyedAsync(string customerEmail, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(CustomerPartition(customerEmail), LastRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetDateTimeOffset("At") : null;
    }

    public Task MarkSurveyedAsync(string customerEmail, string surveyId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(CustomerPartition(customerEmail), LastRow) { ["At"] = at, ["SurveyId"] = surveyId },
            TableUpdateMode.Replace, cancellationToken);
}
