import { useQuery } from '@tanstack/preact-query';
import { formatDateTime } from '../../shared/format/relativeTime.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { articleFeedbackQuery } from '../api/kb.ts';
import { useApi } from '../session/session.tsx';

/** What readers of the published article said: "Did this help?" votes, and their comments newest first. */
export function ArticleFeedbackPanel({ articleId }: { articleId: string }) {
  const feedback = useQuery(articleFeedbackQuery(useApi(), articleId));
  return (
    <section class="kb-box" aria-label="Reader feedback">
      <h2>Reader feedback</h2>
      {feedback.error && <ErrorMessage error={feedback.error} />}
      {feedback.data && (
        <>
          <p>
            {feedback.data.helpful} found it helpful · {feedback.data.notHelpful} did not
          </p>
          {feedback.data.comments.length === 0 ? (
            <p class="empty">No comments.</p>
          ) : (
            <ul class="kb-comments">
              {feedback.data.comments.map((comment, index) => (
                <li key={index}>
                  <span class="hint">
                    {comment.helpful ? 'Helpful' : 'Not helpful'}, {formatDateTime(new Date(comment.at))}:
                  </span>{' '}
                  {comment.comment}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
