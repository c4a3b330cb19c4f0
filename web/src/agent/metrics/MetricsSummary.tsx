import type { MetricsReport } from './metricsApi.ts';
import { figure, formatDuration, formatScore, formatShare, lastBacklog } from './metricsFormat.ts';

/** The period's headline figures as a list of terms and values: readable as text, no chart needed. */
export function MetricsSummary({ report }: { report: MetricsReport }) {
  const { firstResponse, resolution, satisfaction, nps, kb, paging } = report;
  const opened = report.volume.reduce((total, p) => total + p.opened, 0);
  const closed = report.volume.reduce((total, p) => total + p.closed, 0);
  const backlog = lastBacklog(report.volume);
  const ratings = satisfaction.great + satisfaction.okay + satisfaction.notGood;
  const replies = figure(report.repliesPerConversation);
  const items: [string, string, string?][] = [
    ['First response, median', formatDuration(firstResponse.medianSeconds), `business hours ${formatDuration(firstResponse.businessMedianSeconds)}`],
    ['First response, 90th percentile', formatDuration(firstResponse.p90Seconds), `business hours ${formatDuration(firstResponse.businessP90Seconds)}`],
    ['Answered within target', formatShare(report.withinTarget), `of ${firstResponse.count} first responses`],
    ['Resolution, median', formatDuration(resolution.medianSeconds), `90th percentile ${formatDuration(resolution.p90Seconds)}`],
    ['Replies per conversation', replies === null ? '—' : replies.toFixed(1)],
    ['Opened', String(opened)],
    ['Closed', String(closed)],
    ['Backlog now', backlog === null ? '—' : String(backlog)],
    ['Satisfaction score', formatScore(satisfaction.score), `${satisfaction.great} great, ${satisfaction.okay} okay, ${satisfaction.notGood} not good (${ratings} ratings)`],
    ['Net Promoter Score', formatScore(nps.score), `${nps.promoters} promoters, ${nps.passives} passives, ${nps.detractors} detractors (${nps.responses} answers)`],
    ['Knowledge base deflection', formatShare(kb.deflectionRate), `${kb.deflected} found an answer, ${kb.contacted} wrote in; votes ${kb.helpful} helpful, ${kb.notHelpful} not helpful`],
    ['Pages sent', String(paging.pages), `${paging.acknowledged} acknowledged, median ${formatDuration(paging.medianAckSeconds)} to acknowledge`],
  ];
  return (
    <section class="metrics-summary" aria-label="Summary">
      <dl>
        {items.map(([term, value, detail]) => (
          <div key={term} class="metric">
            <dt>{term}</dt>
            <dd>
              <strong>{value}</strong>
              {detail && <span class="metric-detail">{detail}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
