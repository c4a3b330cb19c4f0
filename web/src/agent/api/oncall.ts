import { queryOptions } from '@tanstack/preact-query';
import { ok, withQuery, type Api, type Schema } from '../../shared/api/client.ts';

// The on-call contract of the JSON API (/api/oncall/…), typed from the OpenAPI document. Instants are ISO strings;
// local* carry the schedule zone's offset.

export type ScheduleSummary = Schema<'ScheduleSummary'>;
export type ShiftUnit = Schema<'ShiftUnit'>;
export type Weekday = Exclude<Schema<'IsoDayOfWeek'>, 'none'>;
export type WeeklyWindow = Schema<'WeeklyWindow'>;
export type Layer = Schema<'RotationLayer'>;
export type ScheduleOverride = Schema<'OverrideView'>;
export type Schedule = Schema<'ScheduleView'>;
export type TimelineBand = Schema<'TimelineBand'>;
export type Timeline = Schema<'TimelineView'>;
export type OnCallNowEntry = Schema<'OnCallNowEntry'>;

export type LayerInput = Schema<'LayerBody'>;
export type ScheduleInput = Schema<'ScheduleBody'>;

/** Every on-call query key starts so: a change to a schedule or an override refreshes the page and the header badge. */
export const onCallKey = ['oncall'] as const;

export const schedulesQuery = (api: Api) =>
  queryOptions({
    queryKey: [...onCallKey, 'schedules'],
    queryFn: ({ signal }) => ok(api.GET('/api/oncall/schedules', { signal })),
    select: (list) => list.items,
  });

export const scheduleQuery = (api: Api, id: string) =>
  queryOptions({
    queryKey: [...onCallKey, 'schedule', id],
    queryFn: ({ signal }) => ok(api.GET('/api/oncall/schedules/{id}', { signal, params: { path: { id } } })),
  });

/** Who is on call over [from, to): the final bands and each layer's own shifts. */
export const timelineQuery = (api: Api, id: string, window: { from: string; to: string }) =>
  queryOptions({
    queryKey: [...onCallKey, 'timeline', id, window.from, window.to],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/oncall/schedules/{id}/timeline', { signal, params: { path: { id } }, ...withQuery(window) })),
  });

/** Who is on call now on every schedule; the header badge asks again every minute. */
export const onCallNowQuery = (api: Api) =>
  queryOptions({
    queryKey: [...onCallKey, 'now'],
    queryFn: ({ signal }) => ok(api.GET('/api/oncall/now', { signal })),
    select: (now) => now.schedules,
    refetchInterval: 60_000,
  });

export const createSchedule = (api: Api, input: ScheduleInput) => ok(api.POST('/api/oncall/schedules', { body: input }));

export const addOverride = (api: Api, scheduleId: string, agentId: string, start: Date, end: Date) =>
  ok(
    api.POST('/api/oncall/schedules/{id}/overrides', {
      params: { path: { id: scheduleId } },
      body: { agentId, start: start.toISOString(), end: end.toISOString() },
    }),
  );

export const removeOverride = (api: Api, scheduleId: string, overrideId: string) =>
  ok(api.DELETE('/api/oncall/schedules/{id}/overrides/{overrideId}', { params: { path: { id: scheduleId, overrideId } } }));
