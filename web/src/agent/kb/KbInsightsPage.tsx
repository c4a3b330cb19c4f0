import './kb.css';
import { useQuery } from '@tanstack/preact-query';
import { formatDateTime } from '../../shared/format/relativeTime.ts';
import { ColumnHeads } from '../../shared/ui/ColumnHeads.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { deflectionQuery, feedbackListQuery, searchMissesQuery } from '../api/kb.ts';
import { kbArticleHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { KbNav } from './KbNav.tsx';

/** `/knowledge-base/insights`: what to fix and what to write next: votes per article, searches that found nothing, deflection. */
export function KbInsightsPage() {
  return (
    <section class="kb-page">
      <KbNav current="insights" />
      <h1>Reader feedback</h1>
      <FeedbackTable />
      <SearchMisses />
      <Deflection />
    </section>
  );
}

function FeedbackTable() {
  const feedback = useQuery(feedbackListQuery(useApi()));
  return (
    <section class="kb-box" aria-label="Votes per article">
      <h2>Votes per article</h2>
      {feedback.error && <ErrorMessage error={feedback.error} />}
      {feedback.data?.length === 0 && <p class="empty">No votes yet.</p>}
      {feedback.data && feedback.data.length > 0 && (
        <table class="kb-table">
          <ColumnHeads names={['Article', 'Helpful', 'Not helpful', 'Comments']} />
          <tbody>
            {feedback.data.map((row) => (
              <tr key={row.articleId}>
                <th scope="row">
                  <a href={kbArticleHref(row.articleId)}>{row.title}</a>
                </th>
                <td>{row.helpful}</td>
                <td>{row.notHelpful}</td>
                <td>{row.comments}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SearchMisses() {
  const misses = useQuery(searchMissesQuery(useApi()));
  return (
    <section class="kb-box" aria-label="Searches that found nothing">
      <h2>Searches that found nothing</h2>
      <p class="hint">What readers looked for on the public site and did not find: what to write next.</p>
      {misses.error && <ErrorMessage error={misses.error} />}
      {misses.data?.length === 0 && <p class="empty">None yet.</p>}
      {misses.data && misses.data.length > 0 && (
        <table class="kb-table">
          <ColumnHeads names={['Search', 'Times', 'Last']} />
          <tbody>
            {misses.data.map((miss) => (
              <tr key={miss.query}>
                <th scope="row">{miss.query}</th>
                <td>{miss.count}</td>
                <td>{formatDateTime(new Date(miss.lastAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Deflection() {
  const weeks = useQuery(deflectionQuery(useApi()));
  return (
    <section class="kb-box" aria-label="Deflection">
      <h2>Deflection</h2>
      <p class="hint">
        Contact form visitors who opened a suggested article and did not write in, per week: deflected ÷ (deflected + sent).
      </p>
      {weeks.error && <ErrorMessage error={weeks.error} />}
      {weeks.data && (
        <table class="kb-table">
          <ColumnHeads names={['Week', 'Visits', 'Opened a suggestion', 'Sent the form', 'Deflected', 'Rate']} />
          <tbody>
            {weeks.data.map((week) => (
              <tr key={week.week}>
                <th scope="row">{week.week}</th>
                <td>{week.visits}</td>
                <td>{week.openedSuggestion}</td>
                <td>{week.submitted}</td>
                <td>{week.deflected}</td>
                <td>{week.rate === null ? '—' : `${Math.round(Number(week.rate) * 100)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
