import type { OnCallNowEntry, TimelineBand } from '../api/oncall.ts';

/**
 * "Mon 2 Mar 09:00" in the schedule's own zone, whatever the browser's: a rota is read on its wall clock.
 * en-GB gives day-month order and a 24-hour clock.
 */
export function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(iso))
    .replace(',', '');
}

/** What one band of the timeline says: who (or that nobody is on call) and from when to when, locally. */
export function bandText(band: TimelineBand, timeZone: string): { who: string; when: string } {
  return {
    who: band.agentId ?? 'Nobody on call',
    when: `${localTime(band.start, timeZone)} – ${localTime(band.end, timeZone)}`,
  };
}

/** The header badge: "On call now: ada", naming the schedule when there are several, "nobody" in a gap. */
export function onCallBadgeText(entries: OnCallNowEntry[]): string | null {
  if (entries.length === 0) return null;
  const who = (entry: OnCallNowEntry) => entry.agentId ?? 'nobody';
  if (entries.length === 1 && entries[0]) return `On call now: ${who(entries[0])}`;
  return `On call now: ${entries.map((entry) => `${who(entry)} (${entry.name})`).join(', ')}`;
}
