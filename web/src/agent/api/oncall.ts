import type { ApiGet, ApiSend } from '../session/session.tsx';

// The on-call contract of the JSON API (/api/oncall/…). Instants are ISO strings; local* carry the schedule zone's offset.

export interface ScheduleSummary {
  id: string;
  name: string;
  timeZoneId: string;
  layerCount: number;
  updatedAt: string;
}

export type ShiftUnit = 'hours' | 'days';
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export interface WeeklyWindow {
  startDay: Weekday;
  startTime: string;
  endDay: Weekday;
  endTime: string;
}

export interface Layer {
  name: string;
  /** Agent ids (or email addresses, until agents exist) in turn order. */
  participants: string[];
  shiftLength: { unit: ShiftUnit; count: number };
  /** Local wall-clock time in the schedule's zone, "09:00". */
  handOffTime: string;
  /** The first shift's date, "2026-03-02". */
  startDate: string;
  /** Empty means always; otherwise only inside these weekly windows. */
  restrictions: WeeklyWindow[];
}

export interface ScheduleOverride {
  id: string;
  agentId: string;
  start: string;
  end: string;
}

export interface Schedule {
  id: string;
  name: string;
  timeZoneId: string;
  layers: Layer[];
  overrides: ScheduleOverride[];
  etag: string;
}

export interface TimelineBand {
  /** Null in a gap: nobody is on call. */
  agentId: string | null;
  gap: boolean;
  start: string;
  end: string;
  localStart: string;
  localEnd: string;
}

export interface Timeline {
  scheduleId: string;
  name: string;
  timeZoneId: string;
  from: string;
  to: string;
  bands: TimelineBand[];
}

export interface OnCallNowEntry {
  scheduleId: string;
  name: string;
  timeZoneId: string;
  agentId: string | null;
  since: string | null;
  until: string | null;
  next: { agentId: string; at: string } | null;
}

export interface OnCallNow {
  at: string;
  schedules: OnCallNowEntry[];
}

export interface ScheduleInput {
  name: string;
  timeZoneId: string;
  layers: Layer[];
}

const schedulePath = (id: string) => `/api/oncall/schedules/${encodeURIComponent(id)}`;

export const listSchedules = (get: ApiGet, signal?: AbortSignal) =>
  get<{ items: ScheduleSummary[] }>('/api/oncall/schedules', signal);

export const getSchedule = (get: ApiGet, id: string, signal?: AbortSignal) => get<Schedule>(schedulePath(id), signal);

/** The next 14 days from now, as the server's clock has it. */
export const getTimeline = (get: ApiGet, id: string, signal?: AbortSignal) =>
  get<Timeline>(`${schedulePath(id)}/timeline`, signal);

export const getOnCallNow = (get: ApiGet, signal?: AbortSignal) => get<OnCallNow>('/api/oncall/now', signal);

export const createSchedule = (send: ApiSend, input: ScheduleInput) =>
  send<Schedule>('POST', '/api/oncall/schedules', input);

export const addOverride = (send: ApiSend, scheduleId: string, agentId: string, start: Date, end: Date) =>
  send<ScheduleOverride>('POST', `${schedulePath(scheduleId)}/overrides`, {
    agentId,
    start: start.toISOString(),
    end: end.toISOString(),
  });

export const removeOverride = (send: ApiSend, scheduleId: string, overrideId: string) =>
  send<null>('DELETE', `${schedulePath(scheduleId)}/overrides/${encodeURIComponent(overrideId)}`);
