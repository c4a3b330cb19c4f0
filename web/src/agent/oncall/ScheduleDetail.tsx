import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { onCallKey, removeOverride, scheduleQuery, timelineQuery } from '../api/oncall.ts';
import { useApi } from '../session/session.tsx';
import { AgentName, useAgentNames } from './AgentName.tsx';
import { bothZones } from './bandText.ts';
import { OverrideForm } from './OverrideForm.tsx';
import { ScheduleTimeline } from './ScheduleTimeline.tsx';
import { twoWeeksFromToday } from './timelineLayout.ts';

/** One schedule: its layers, its next two weeks drawn as a timeline, its overrides (remove one, add one). */
export function ScheduleDetail({ id }: { id: string }) {
  const api = useApi();
  const queries = useQueryClient();
  const nameOf = useAgentNames();
  // From the start of today, so the timeline shows who had the night and where now stands in the day.
  const [window] = useState(() => twoWeeksFromToday(new Date()));
  const schedule = useQuery(scheduleQuery(api, id));
  const timeline = useQuery(timelineQuery(api, id, window));
  const [error, setError] = useState<unknown>(null);

  const changed = () => queries.invalidateQueries({ queryKey: onCallKey });
  const remove = async (overrideId: string) => {
    try {
      await removeOverride(api, id, overrideId);
      setError(null);
      await changed();
    } catch (failure) {
      setError(failure);
    }
  };

  const loadError = schedule.error ?? timeline.error;
  if (loadError) return <ErrorMessage error={loadError} />;
  if (!schedule.data || !timeline.data) return <p class="loading">Loading the schedule…</p>;
  const { timeZoneId, overrides, layers } = schedule.data;
  return (
    <article class="schedule" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{schedule.data.name}</h2>
      <ul class="layers" aria-label="Layers">
        {layers.map((layer) => (
          <li key={layer.name}>
            <strong>{layer.name}</strong>: {layer.participants.map((agentId) => <AgentName key={agentId} name={nameOf(agentId)} />)}
          </li>
        ))}
      </ul>
      {error !== null && <ErrorMessage error={error} />}
      <h3>Next two weeks</h3>
      <ScheduleTimeline schedule={schedule.data} timeline={timeline.data} />
      <h3>Overrides</h3>
      {overrides.length === 0 ? (
        <p class="empty">No overrides.</p>
      ) : (
        <ul class="overrides" aria-label="Overrides">
          {overrides.map((o) => (
            <li key={o.id}>
              <span>
                <AgentName name={nameOf(o.agentId)} /> {bothZones(o.start, timeZoneId)} – {bothZones(o.end, timeZoneId)}
              </span>
              <button type="button" class="link-button" onClick={() => void remove(o.id)} aria-label={`Remove override for ${nameOf(o.agentId)}`}>
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
