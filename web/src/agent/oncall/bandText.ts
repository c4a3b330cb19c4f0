import type { OnCallNowEntry } from '../api/oncall.ts';

const format = (timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Mon 2 Mar 09:00" on the wall clock of `timeZone`: a rota is read on its own clock. en-GB: day-month order, 24 hours. */
export function localTime(iso: string, timeZone: string): string {
  return format(timeZone).format(new Date(iso)).replace(',', '');
}

/** This browser's time zone, e.g. "America/New_York". */
export const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * When something happens, on the viewer's clock and, when it differs, on the schedule's: "Mon 2 Mar 10:00 your time
 * (09:00 Europe/London)". A hand-off means most to the person who takes it, wherever they are.
 */
export function bothZones(iso: string, scheduleZone: string, viewer: string = viewerZone()): string {
  const mine = localTime(iso, viewer);
  const theirs = localTime(iso, scheduleZone);
  if (mine === theirs) return `${mine} (${scheduleZone})`;
  const sameDay = mine.slice(0, -6) === theirs.slice(0, -6);
  return `${mine} your time (${sameDay ? theirs.slice(-5) : theirs} ${scheduleZone})`;
}

/** The header badge: "On call now: Ada Lovelace", naming the schedule when there are several, "nobody" in a gap. */
export function onCallBadgeText(entries: OnCallNowEntry[], nameOf: (agentId: string) => string): string | null {
  if (entries.length === 0) return null;
  const who = (entry: OnCallNowEntry) => (entry.agentId ? nameOf(entry.agentId) : 'nobody');
  if (entries.length === 1 && entries[0]) return `On call now: ${who(entries[0])}`;
  return `On call now: ${entries.map((entry) => `${who(entry)} (${entry.name})`).join(', ')}`;
}
