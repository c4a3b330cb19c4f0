import { ApiError } from '../../shared/api/problem.ts';

// Pure wording and arithmetic of the status section, kept out of the components so it can be tested without a browser.

export const componentStates = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
export type State = (typeof componentStates)[number];

export const impacts = ['none', 'minor', 'major', 'critical'] as const;
export type Impact = (typeof impacts)[number];

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatusName = (typeof incidentStatuses)[number];

const stateWords: Record<State, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
};

/** "partial_outage" → "Partial outage", as the public page words it. */
export const stateLabel = (state: State): string => stateWords[state];

/** "in_progress" → "In progress"; "investigating" → "Investigating". */
export const capitalise = (name: string): string => {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export type Indicator = 'none' | 'maintenance' | 'minor' | 'major' | 'critical';

const indicatorWords: Record<Indicator, string> = {
  none: 'All Systems Operational',
  maintenance: 'Service Under Maintenance',
  minor: 'Minor Service Disruption',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};

const rank: Record<Indicator, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };

/**
 * The page's verdict as the public page shows it (Core/Status/StatusRollup): the worst of the components' states and
 * the open incidents' impacts; maintenance only when nothing is wrong.
 */
export function overallStatus(states: readonly State[], openImpacts: readonly Impact[]): { indicator: Indicator; description: string } {
  const fromState = (s: State): Indicator =>
    s === 'degraded_performance' ? 'minor' : s === 'partial_outage' ? 'major' : s === 'major_outage' ? 'critical' : 'none';
  const fromImpact = (i: Impact): Indicator => (i === 'none' ? 'none' : i);
  let worst: Indicator = 'none';
  for (const indicator of [...states.map(fromState), ...openImpacts.map(fromImpact)]) if (rank[indicator] > rank[worst]) worst = indicator;
  if (worst === 'none' && states.includes('under_maintenance')) worst = 'maintenance';
  return { indicator: worst, description: indicatorWords[worst] };
}

/** Components by their group, groups in order of first appearance; ungrouped ones under "". */
export function byGroup<T extends { group?: string | null }>(components: readonly T[]): Array<[group: string, members: T[]]> {
  const groups = new Map<string, T[]>();
  for (const component of components) {
    const key = component.group ?? '';
    groups.set(key, [...(groups.get(key) ?? []), component]);
  }
  return [...groups];
}

const two = (n: number) => String(n).padStart(2, '0');

/** A Date as a `datetime-local` input's value, in the viewer's zone ("2026-12-07T14:30"). */
export const toLocalInput = (date: Date): string =>
  `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;

/** A `datetime-local` value (the viewer's zone) as an ISO instant for the API; null when empty or not a time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The zone's offset from UTC for `Date.getTimezoneOffset()` minutes (which are west-positive): -60 → "UTC+01:00". */
export function offsetLabel(timezoneOffsetMinutes: number): string {
  const east = -timezoneOffsetMinutes;
  const sign = east < 0 ? '-' : '+';
  const abs = Math.abs(east);
  return `UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** "99.95 %" (at most two decimals); "no runs yet" without a figure. */
export const uptimeLabel = (percent: number | string | null | undefined): string =>
  percent === null || percent === undefined || percent === '' ? 'no runs yet' : `${Number(Number(percent).toFixed(2))} %`;

/** Maintenance windows in the lists the screen shows: upcoming (soonest first), in progress, completed and cancelled (latest first). */
export function maintenanceLists<T extends { status: string; startsAt: string }>(windows: readonly T[]) {
  const by = (status: string) => windows.filter((w) => w.status === status);
  const time = (w: T) => Date.parse(w.startsAt);
  return {
    upcoming: by('scheduled').sort((a, b) => time(a) - time(b)),
    inProgress: by('in_progress'),
    completed: by('completed').sort((a, b) => time(b) - time(a)),
    cancelled: by('cancelled').sort((a, b) => time(b) - time(a)),
  };
}

/** The API's message for one field (a problem with `field`, or a validation problem's `errors`); undefined otherwise. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const body = error.body as { field?: unknown } | undefined;
  if (body && typeof body === 'object' && body.field === field) return error.detail ?? error.message;
  return error.fields[field];
}

/** An error that no field shows: the whole problem goes above the form's button. */
export const isFieldless = (error: unknown, fields: readonly string[]): boolean => fields.every((f) => fieldError(error, f) === undefined);
