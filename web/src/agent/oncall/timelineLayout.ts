/** A stretch of a timeline row: who (null: nobody) from when to when, as ISO instants. */
export interface Span {
  agentId: string | null;
  start: string;
  end: string;
}

/** A span placed on the row: `left` and `width` in percent of the window; clipped to it. */
export interface PlacedSpan extends Span {
  left: number;
  width: number;
}

export interface Window {
  from: string;
  to: string;
}

const percentOf = (window: Window, at: number) => {
  const from = Date.parse(window.from);
  return ((at - from) / (Date.parse(window.to) - from)) * 100;
};

/** Places each span on the window, cut to it; spans wholly outside are left out. */
export function placeSpans(window: Window, spans: Span[]): PlacedSpan[] {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  return spans.flatMap((span) => {
    const start = Math.max(Date.parse(span.start), from);
    const end = Math.min(Date.parse(span.end), to);
    if (!(start < end)) return [];
    return [{ ...span, left: percentOf(window, start), width: percentOf(window, end) - percentOf(window, start) }];
  });
}

/** Where "now" stands on the window, in percent; null when it is outside. */
export function nowPosition(window: Window, now: Date): number | null {
  const at = now.getTime();
  return at < Date.parse(window.from) || at > Date.parse(window.to) ? null : percentOf(window, at);
}

/** The calendar day of an instant in a zone, "2026-03-02". */
const dayIn = (at: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/**
 * Midnights in `timeZone` within the window, each with its place and a label ("Mon 2"), for the scale above the rows.
 * Found by stepping a quarter-hour at a time, so zones with half- and quarter-hour offsets get theirs right too.
 */
export function dayTicks(window: Window, timeZone: string): { left: number; label: string }[] {
  const step = 15 * 60_000;
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const label = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric' });
  const ticks: { left: number; label: string }[] = [];
  let day = dayIn(from, timeZone);
  if (dayIn(from - 1, timeZone) !== day) ticks.push({ left: 0, label: label.format(from).replace(',', '') });
  for (let at = from + step; at < to; at += step) {
    const next = dayIn(at, timeZone);
    if (next === day) continue;
    day = next;
    ticks.push({ left: percentOf(window, at), label: label.format(at).replace(',', '') });
  }
  return ticks;
}

/** "AL" for Ada Lovelace, "A" for ada@acme.test: what an avatar shows. */
export function initials(name: string): string {
  const words = name.replace(/@.*$/, '').split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  return letters.map((word) => word!.charAt(0).toUpperCase()).join('') || '?';
}

/** The start of today in this browser's zone, and fifteen days on: the window the page asks the timeline for. */
export function twoWeeksFromToday(now: Date): Window {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 15);
  return { from: from.toISOString(), to: to.toISOString() };
}
