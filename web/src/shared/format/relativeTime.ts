const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago": how long before `now` the instant was. */
export function formatRelativeTime(instant: Date, now: Date, locale?: string): string {
  const seconds = Math.round((instant.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, length] of units) {
    if (Math.abs(seconds) >= length) return format.format(Math.trunc(seconds / length), unit);
  }
  return 'just now';
}

/** The full date and time in the reader's locale, for tooltips and message headers. */
export function formatDateTime(instant: Date, locale?: string): string {
  return instant.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
