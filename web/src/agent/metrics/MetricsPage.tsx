import './metrics.css';
import { useMutation, useQuery } from '@tanstack/preact-query';
import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { QueryStatus } from '../../shared/ui/QueryStatus.tsx';
import { policiesQuery } from '../api/escalation.ts';
import { useApi } from '../session/session.tsx';
import { downloadCsv, metricsReportQuery, type MetricsReport } from './metricsApi.ts';
import { figure, formatDuration, metricsPageHref, metricsQuery, metricsSelection, lastBacklog, periodStart, rangeChoices, type MetricsSelection } from './metricsFormat.ts';
import { MetricsChart, type ChartSeries } from './MetricsChart.tsx';
import { MetricsSummary } from './MetricsSummary.tsx';

/** `/metrics`: the team's figures for the last 7, 30 or 90 days, one mailbox or all, with charts and a CSV export. Never per agent. */
export function MetricsPage() {
  const api = useApi();
  const { query, route } = useLocation();
  const selection = metricsSelection(query);
  // The period ends today (UTC); a new day is picked up when the page is opened again.
  const params = useMemo(() => metricsQuery(selection, new Date()), [selection.days, selection.mailbox, selection.granularity]);
  const report = useQuery(metricsReportQuery(api, params));
  const mailboxes = useQuery(policiesQuery(api));
  const change = (next: Partial<MetricsSelection>) => route(metricsPageHref({ ...selection, ...next }), true);

  return (
    <section class="panel metrics-page">
      <h1>Team metrics</h1>
      <p class="metrics-note">Figures for the whole team: nothing here is counted per person. Days are UTC days.</p>
      <form class="metrics-controls" aria-label="Which figures" onSubmit={(event) => event.preventDefault()}>
        <label>
          Period
          <select value={String(selection.days)} onChange={(event) => change({ days: Number(event.currentTarget.value) as MetricsSelection['days'] })}>
            {rangeChoices.map((days) => (
              <option key={days} value={String(days)}>
                Last {days} days
              </option>
            ))}
          </select>
        </label>
        <label>
          Mailbox
          <select value={selection.mailbox} onChange={(event) => change({ mailbox: event.currentTarget.value })}>
            <option value="">All mailboxes</option>
            {mailboxes.data?.map((view) => (
              <option key={view.mailbox} value={view.mailbox}>
                {view.mailbox}
              </option>
            ))}
          </select>
        </label>
        <label>
          Group by
          <select value={selection.granularity} onChange={(event) => change({ granularity: event.currentTarget.value === 'week' ? 'week' : 'day' })}>
            <option value="day">Day</option>
            <option value="week">Week</option>
          </select>
        </label>
        <ExportButton query={params} />
      </form>
      <QueryStatus error={report.error} pending={report.isPending} />
      {report.data && <MetricsSummary report={report.data} />}
      {report.data && <Charts report={report.data} />}
    </section>
  );
}

function ExportButton({ query }: { query: Record<string, string> }) {
  const api = useApi();
  const download = useMutation({ mutationFn: () => downloadCsv(api, query) });
  return (
    <>
      <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
        Export CSV
      </button>
      {download.error && <ErrorMessage error={download.error} />}
    </>
  );
}

const colors = { opened: '#1f5fbf', closed: '#1d6b3a', backlog: '#7a4d00', median: '#1f5fbf', p90: '#a8261b', business: '#1d6b3a' };

const formatCount = (value: number | null) => (value === null ? '—' : String(Math.round(value)));

function Charts({ report }: { report: MetricsReport }) {
  const charts = useMemo(() => chartsOf(report), [report]);
  return (
    <div class="metrics-charts">
      <MetricsChart title="Conversations opened and closed" summary={charts.volumeSummary} periods={charts.periods} times={charts.times}
        series={charts.volume} format={formatCount} />
      <MetricsChart title="Backlog at day end" summary={charts.backlogSummary} periods={charts.periods} times={charts.times}
        series={charts.backlog} format={formatCount} />
      <MetricsChart title="First response time" summary={charts.firstResponseSummary} periods={charts.periods} times={charts.times}
        series={charts.firstResponse} format={formatDuration} />
      <MetricsChart title="Time to resolution" summary={charts.resolutionSummary} periods={charts.periods} times={charts.times}
        series={charts.resolution} format={formatDuration} />
    </div>
  );
}

function chartsOf(report: MetricsReport) {
  const points = report.volume;
  const unit = report.granularity === 'week' ? 'week' : 'day';
  const opened = points.map((p) => p.opened);
  const closed = points.map((p) => p.closed);
  const backlog = points.map((p) => p.backlog ?? null);
  const busiest = points.reduce((best, p) => (best === null || p.opened > best.opened ? p : best), null as (typeof points)[number] | null);
  const lastLevel = lastBacklog(points);
  const volume: ChartSeries[] = [
    { label: 'Opened', values: opened, color: colors.opened },
    { label: 'Closed', values: closed, color: colors.closed, dash: [6, 4] },
  ];
  const firstResponse: ChartSeries[] = [
    { label: 'Median', values: points.map((p) => figure(p.firstResponseMedianSeconds)), color: colors.median },
    { label: '90th percentile', values: points.map((p) => figure(p.firstResponseP90Seconds)), color: colors.p90, dash: [6, 4] },
    { label: 'Median in business hours', values: points.map((p) => figure(p.businessFirstResponseMedianSeconds)), color: colors.business, dash: [2, 3] },
  ];
  const resolution: ChartSeries[] = [{ label: 'Median', values: points.map((p) => figure(p.resolutionMedianSeconds)), color: colors.median }];
  return {
    periods: points.map((p) => p.period),
    times: points.map((p) => periodStart(p.period)),
    volume,
    backlog: [{ label: 'Backlog', values: backlog, color: colors.backlog }] as ChartSeries[],
    firstResponse,
    resolution,
    volumeSummary: `${sum(opened)} opened and ${sum(closed)} closed in ${points.length} ${unit}s` +
      (busiest && busiest.opened > 0 ? `; most opened on ${busiest.period} (${busiest.opened}).` : '.'),
    backlogSummary: lastLevel === null ? 'No backlog counted yet.' : `${lastLevel} not closed at the end of the last ${unit}.`,
    firstResponseSummary: `Median ${formatDuration(report.firstResponse.medianSeconds)} (business hours ${formatDuration(report.firstResponse.businessMedianSeconds)}), ` +
      `90th percentile ${formatDuration(report.firstResponse.p90Seconds)}, over ${report.firstResponse.count} first responses.`,
    resolutionSummary: `Median ${formatDuration(report.resolution.medianSeconds)}, 90th percentile ${formatDuration(report.resolution.p90Seconds)}, ` +
      `over ${report.resolution.count} closings.`,
  };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
