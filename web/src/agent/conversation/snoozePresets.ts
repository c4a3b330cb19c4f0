/** When each snooze preset ends, in the browser's time zone: 1 hour from now, tomorrow 9:00, next Monday 9:00. */
export interface SnoozePreset {
  label: string;
  until: Date;
}

export function snoozePresets(now: Date): SnoozePreset[] {
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  const nextWeek = new Date(now);
  // Monday of next week; from a Sunday that is the day after.
  nextWeek.setDate(now.getDate() + (((8 - now.getDay()) % 7) || 7));
  nextWeek.setHours(9, 0, 0, 0);
  return [
    { label: '1 hour', until: new Date(now.getTime() + 60 * 60 * 1000) },
    { label: 'Tomorrow 9:00', until: tomorrow },
    { label: 'Next week', until: nextWeek },
  ];
}

/** A `datetime-local` input's value (local wall time) as a Date; null when empty or not a time. */
export function parseLocalDateTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
