// Pure helpers of the metrics dashboard: the period asked for and how figures read. No per-agent figure exists here.

export const rangeChoices = [7, 30, 90] as const;
export type RangeDays = (typeof rangeChoices)[number];

export type Granularity = 'day' | 'week';

/** What the dashboard shows: the last `days` UTC days to today, one mailbox (an address) or all (''), by day or week. */
export interface MetricsSelection {
  days: RangeDays;
  mailbox: string;
  granularity: Granularity;
}

/** The dashboard's selection from its address (`/metrics?days=90&mailbox=…&by=week`), unknown values falling back to 30 days, all, by day. */
export function metricsSelection(query: Record<string, string | undefined>): MetricsSelection {
  const days = rangeChoices.find((choice) => String(choice) === query['days']) ?? 30;
  return { days, mailbox: query['mailbox']?.trim() ?? '', granularity: query['by'] === 'week' ? 'week' : 'day' };
}

export function metricsPageHref(selection: MetricsSelection): string {
  const query = new URLSearchParams();
  if (selection.days !== 30) query.set('days', String(selection.days));
  if (selection.mailbox) query.set('mailbox', selection.mailbox);
  if (selection.granularity === 'week') query.set('by', 'week');
  const search = query.toString();
  return search ? `/metrics?${search}` : '/metrics';
}

/** The API's query for a selection: inclusive UTC days ending today. */
export function metricsQuery(selection: MetricsSelection, today: Date): Record<string, string> {
  const to = utcDay(today);
  const from = utcDay(new Date(today.getTime() - (selection.days - 1) * 86_400_000));
  return { from, to, mailbox: selection.mailbox || 'all', granularity: selection.granularity };
}

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** The API writes some doubles as strings (System.Text.Json's named floating-point literals): a number or null. */
export function figure(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** "45 s", "12 min", "3 h 20 min", "2 d 4 h"; "—" when there is no figure. */
export function formatDuration(seconds: number | string | null | undefined): string {
  const value = figure(seconds);
  if (value === null) return '—';
  const s = Math.round(value);
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** A share from 0 to 1 as "87 %"; "—" without one. */
export function formatShare(share: number | string | null | undefined): string {
  const value = figure(share);
  return value === null ? '—' : `${Math.round(value * 100)} %`;
}

/** A score from −100 to 100, signed: "+40", "−15", "0"; "—" without one. */
export function formatScore(score: number | string | null | undefined): string {
  const value = figure(score);
  if (value === null) return '—';
  const rounded = Math.round(value);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${-rounded}` : '0';
}

/** The backlog the last counted period ended with; null when none was counted. */
export function lastBacklog(points: { backlog: number | null }[]): number | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const level = points[i]?.backlog;
    if (level !== null && level !== undefined) return level;
  }
  return null;
}

/** Seconds since the epoch of a period's start ("2026-03-02", or an ISO week "2026-W10"), for a chart's time axis. */
export function periodStart(period: string): number {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (!week) return Date.parse(`${period}T00:00:00Z`) / 1000;
  // ISO week 1 holds the year's first Thursday; its Monday is the 4th of January's Monday.
  const jan4 = Date.UTC(Number(week[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  return (monday + (Number(week[2]) - 1) * 7 * 86_400_000) / 1000;
}
