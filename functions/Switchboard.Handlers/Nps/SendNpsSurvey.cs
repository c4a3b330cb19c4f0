using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Nps;
using Switchboard.Core.Threading;
using Switchboard.Handlers.Mail;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Nps;

namespace Switchboard.Handlers.Nps;

/// <summary>
/// Queue <c>nps-surveys</c>: when a survey is due, asks the conversation's customer "How likely are you to recommend
/// us?" with eleven signed one-click links (0–10), through the outbound mail sender — unless
/// <see cref="NpsSurveyRule"/> says no: reopened since that close, every mail the customer sent was automatic or list
/// mail, or they were asked in the last 90 days (any mailbox). The survey row is claimed before the mail goes out, so a
/// redelivered message sends nothing.
/// </summary>
public sealed partial class SendNpsSurvey(
    ConversationStore conversations,
    NpsSurveyStore surveys,
    NpsSurveyScheduler scheduler,
    NpsSurveyLinks links,
    IMailSender mail,
    OwnMessageIds ownMessageIds,
    IOptions<MailOptions> mailOptions,
    TimeProvider time,
    ILogger<SendNpsSurvey> logger)
{
    public async Task<NpsSurveyDecision?> HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var due = QueueMessages.Read<NpsSurveyDue>(message, QueueNames.NpsSurveys, JsonDefaults.Options,
            d => string.IsNullOrEmpty(d.ConversationId) ? "conversationId" : d.DueAt == default ? "dueAt" : null);
        var now = time.GetUtcNow();
        if (due.DueAt > now)
        {
            // Further ahead than a queue message can hide (7 days): wait again for the time left.
            await scheduler.QueueAsync(due, cancellationToken);
            return null;
        }
        var (head, messages) = await conversations.GetAsync(due.ConversationId, cancellationToken);
        if (head is null || head.MergedInto is not null)
        {
            return null;
        }
        var surveyId = NpsSurveyLinks.SurveyId(head.PartitionKey, due.ClosedAt);
        if (await surveys.GetAsync(surveyId, cancellationToken) is not null)
        {
            return null;
        }
        var conversation = head.ToConversation();
        var stillClosed = conversation.Status == ConversationStatus.Closed && conversation.ClosedAt == due.ClosedAt;
        var decision = NpsSurveyRule.Decide(head.CustomerEmail.Trim(), OnlyAutomaticMail(head, messages), stillClosed,
            await surveys.LastSurveyedAsync(head.CustomerEmail, cancellationToken), now);
        if (decision != NpsSurveyDecision.Send)
        {
            LogNotSent(surveyId, head.PartitionKey, decision);
            return decision;
        }
        var survey = new NpsSurveyEntity
        {
            PartitionKey = surveyId, ConversationId = head.PartitionKey, Mailbox = head.Mailbox, CustomerEmail = head.CustomerEmail.Trim(), SentAt = now,
        };
        if (!await surveys.TryAddAsync(survey, cancellationToken))
        {
            return null;
        }
        try
        {
            await mail.SendAsync(Compose(head, surveyId), cancellationToken);
        }
        catch (MailSendFailedException e) when (e.Transient)
        {
            await surveys.RemoveAsync(surveyId, cancellationToken);
            throw;
        }
        await surveys.MarkSurveyedAsync(survey.CustomerEmail, surveyId, now, cancellationToken);
        LogSent(surveyId, head.PartitionKey);
        return decision;
    }

    /// <summary>The customer wrote, and everything they wrote was auto-replies, bounces or list mail (MessageFlags from the inbound parser).</summary>
    private static bool OnlyAutomaticMail(ConversationEntity head, IReadOnlyList<MessageEntity> messages)
    {
        var fromCustomer = messages.Where(m => m.Direction == "inbound" && m.Kind == MessageKinds.Email
            && string.Equals(m.FromEmail?.Trim(), head.CustomerEmail.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        const MessageFlags machine = MessageFlags.AutoReply | MessageFlags.Bounce | MessageFlags.List;
        return fromCustomer.Count > 0 && fromCustomer.All(m => (MessageFlagNames.Parse(m.Flags) & machine) != 0);
    }

    private OutgoingEmail Compose(ConversationEntity head, string surveyId)
    {
        var team = mailOptions.Value.TeamName is { Length: > 0 } name ? name : "our team";
        var greeting = head.CustomerName is { Length: > 0 } customer ? $"Hi {customer.Split(' ')[0]}," : "Hi,";
        var question = $"How likely are you to recommend {team} to a friend or colleague?";
        var text = new StringBuilder().AppendLine(greeting).AppendLine()
            .AppendLine($"We recently helped you with \"{head.Subject}\". {question} One click answers (0 = not at all likely, 10 = extremely likely):")
            .AppendLine();
        var html = new StringBuilder($"<p>{WebUtility.HtmlEncode(greeting)}</p><p>We recently helped you with &quot;{WebUtility.HtmlEncode(head.Subject)}&quot;. ")
            .Append(WebUtility.HtmlEncode(question)).Append("</p><p>");
        for (var score = NetPromoterScore.MinScore; score <= NetPromoterScore.MaxScore; score++)
        {
            var url = links.Url(surveyId, score);
            text.AppendLine($"{score}: {url}");
            html.Append($"<a href=\"{WebUtility.HtmlEncode(url)}\" style=\"display:inline-block;padding:6px 10px;margin:2px;border:1px solid #888;text-decoration:none\">{score}</a>");
        }
        html.Append("</p><p><small>0 = not at all likely, 10 = extremely likely. We ask at most once every three months.</small></p>");
        text.AppendLine().AppendLine("We ask at most once every three months.");
        var messageId = ownMessageIds.Create("nps");
        return new OutgoingEmail($"\"{team}\" <{head.Mailbox}>", [head.CustomerEmail.Trim()], question, text.ToString(), html.ToString(),
            new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" })
        {
            MessageId = messageId,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "NPS survey {SurveyId} sent for conversation {ConversationId}.")]
    private partial void LogSent(string surveyId, string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "NPS survey {SurveyId} for conversation {ConversationId} not sent: {Decision}.")]
    private partial void LogNotSent(string surveyId, string conversationId, NpsSurveyDecision decision);
}
