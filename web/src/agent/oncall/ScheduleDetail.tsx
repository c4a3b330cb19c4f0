import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { getSchedule, getTimeline, removeOverride, type Schedule, type Timeline } from '../api/oncall.ts';
import { useApiGet, useApiSend } from '../session/session.tsx';
import { localTime } from './bandText.ts';
import { announceOnCallChange } from './OnCallBadge.tsx';
import { OverrideForm } from './OverrideForm.tsx';
import { TimelineView } from './TimelineView.tsx';

/** One schedule: its next two weeks, its overrides (remove one, add one). */
export function ScheduleDetail({ id }: { id: string }) {
  const get = useApiGet();
  const send = useApiSend();
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [nextSchedule, nextTimeline] = await Promise.all([getSchedule(get, id, signal), getTimeline(get, id, signal)]);
        setSchedule(nextSchedule);
        setTimeline(nextTimeline);
        setError(null);
      } catch (failure) {
        if (!isAbort(failure)) setError(failure);
      }
    },
    [get, id],
  );
  useEffect(() => {
    const stop = new AbortController();
    void load(stop.signal);
    return () => stop.abort();
  }, [load]);

  const changed = async () => {
    await load();
    announceOnCallChange();
  };
  const remove = async (overrideId: string) => {
    try {
      await removeOverride(send, id, overrideId);
      await changed();
    } catch (failure) {
      setError(failure);
    }
  };

  if (error !== null && !schedule) return <ErrorMessage error={error} />;
  if (!schedule || !timeline) return <p class="loading">Loading the schedule…</p>;
  return (
    <article class="schedule" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{schedule.name}</h2>
      <p class="hint">
        Times in {schedule.timeZoneId}. Layers:{' '}
        {schedule.layers.map((layer) => `${layer.name} (${layer.participants.join(', ')})`).join('; ')}
      </p>
      {error !== null && <ErrorMessage error={error} />}
      <h3>Next two weeks</h3>
      <TimelineView timeline={timeline} />
      <h3>Overrides</h3>
      {schedule.overrides.length === 0 ? (
        <p class="empty">No overrides.</p>
      ) : (
        <ul class="overrides" aria-label="Overrides">
          {schedule.overrides.map((o) => (
            <li key={o.id}>
              <span>
                <strong>{o.agentId}</strong> {localTime(o.start, schedule.timeZoneId)} – {localTime(o.end, schedule.timeZoneId)}
              </span>
              <button type="button" class="link-button" onClick={() => void remove(o.id)} aria-label={`Remove override for ${o.agentId}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <OverrideForm scheduleId={id} onAdded={changed} />
    </article>
  );
}
