import type { EscalationPolicy, PolicyInput } from '../api/escalation.ts';
import type { Weekday, WeeklyWindow } from '../api/oncall.ts';

/** What the policy editor holds: durations in minutes, named agents as a list of ids. */
export interface LevelDraft {
  scheduleId: string;
  agents: string[];
  escalateAfterMinutes: number;
}

export interface PolicyDraft {
  targetMinutes: number;
  levels: LevelDraft[];
  repeat: number;
  afterHours: 'page' | 'wait';
  hasSupportHours: boolean;
  timeZoneId: string;
  windows: WeeklyWindow[];
}

const weekdays: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
export const businessHours = (): WeeklyWindow[] =>
  weekdays.map((day) => ({ startDay: day, startTime: '09:00', endDay: day, endTime: '17:00' }));

export const newLevel = (): LevelDraft => ({ scheduleId: '', agents: [], escalateAfterMinutes: 5 });

export function newDraft(timeZoneId: string): PolicyDraft {
  return { targetMinutes: 10, levels: [newLevel()], repeat: 0, afterHours: 'page', hasSupportHours: false, timeZoneId, windows: businessHours() };
}

/** "00:10:00" (or "1.02:00:00") in minutes, seconds as a fraction; NaN when it is not a .NET TimeSpan. */
export function minutesOf(duration: string): number {
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.\d+)?$/.exec(duration);
  if (!match) return Number.NaN;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(days) * 1440 + Number(hours) * 60 + Number(minutes) + Number(seconds) / 60;
}

/** Minutes as the API's duration, rounded to the second: 90 → "01:30:00", 2880 → "2.00:00:00". */
export function durationOf(minutes: number): string {
  const total = Math.max(0, Math.round(minutes * 60));
  const pad = (n: number) => String(n).padStart(2, '0');
  const days = Math.floor(total / 86400);
  const clock = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days}.${clock}` : clock;
}

export function draftOf(policy: EscalationPolicy, fallbackZone: string): PolicyDraft {
  return {
    targetMinutes: minutesOf(policy.targetFirstResponse),
    levels: policy.levels.map((level) => ({
      scheduleId: level.scheduleId ?? '',
      agents: level.agentIds,
      escalateAfterMinutes: minutesOf(level.escalateAfter),
    })),
    repeat: policy.repeat,
    afterHours: policy.afterHours,
    hasSupportHours: policy.supportHours !== null,
    timeZoneId: policy.supportHours?.timeZoneId ?? fallbackZone,
    windows: policy.supportHours?.windows ?? businessHours(),
  };
}

export function inputOf(draft: PolicyDraft): PolicyInput {
  return {
    targetFirstResponse: durationOf(draft.targetMinutes),
    levels: draft.levels.map((level) => ({
      escalateAfter: durationOf(level.escalateAfterMinutes),
      scheduleId: level.scheduleId === '' ? null : level.scheduleId,
      agentIds: level.agents,
    })),
    repeat: draft.repeat,
    afterHours: draft.afterHours,
    supportHours: draft.hasSupportHours ? { timeZoneId: draft.timeZoneId.trim(), windows: draft.windows } : null,
  };
}

/**
 * The first field error at or under `path` (`levels[1]` also takes `levels[1].agentIds[0]`, never `levels[10]`):
 * the editor shows it next to the input that path belongs to.
 */
export function errorAt(fields: Record<string, string>, path: string): string | undefined {
  const key = Object.keys(fields).find((field) => field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`));
  return key === undefined ? undefined : fields[key];
}
