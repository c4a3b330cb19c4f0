import './oncall.css';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { listSchedules, type ScheduleSummary } from '../api/oncall.ts';
import { onCallHref } from '../routing.ts';
import { useApiGet } from '../session/session.tsx';
import { EscalationPolicies } from './EscalationPolicies.tsx';
import { announceOnCallChange } from './OnCallBadge.tsx';
import { PageHistory } from './PageHistory.tsx';
import { PagingSettings } from './PagingSettings.tsx';
import { ScheduleDetail } from './ScheduleDetail.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';

/**
 * `#/oncall`: the schedules, and the chosen one's next two weeks (the first one when none is chosen); below, the
 * mailboxes' escalation policies, the page history and the agent's own page webhook.
 */
export function OnCallPage({ scheduleId }: { scheduleId: string | null }) {
  const get = useApiGet();
  const [schedules, setSchedules] = useState<ScheduleSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setSchedules((await listSchedules(get, signal)).items);
        setError(null);
      } catch (failure) {
        if (!isAbort(failure)) setError(failure);
      }
    },
    [get],
  );
  useEffect(() => {
    const stop = new AbortController();
    void load(stop.signal);
    return () => stop.abort();
  }, [load]);

  const shown = scheduleId ?? schedules?.[0]?.id ?? null;
  return (
    <section class="oncall" aria-labelledby="oncall-title">
      <div class="oncall-heading">
        <h1 id="oncall-title">On call</h1>
        <button type="button" onClick={() => setCreating(!creating)}>
          {creating ? 'Cancel' : 'New schedule'}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {creating && (
        <ScheduleForm
          onCreated={(id) => {
            setCreating(false);
            void load();
            announceOnCallChange();
            location.hash = onCallHref(id);
          }}
        />
      )}
      {schedules?.length === 0 && !creating && <p class="empty">No schedules yet. Create one to see who is on call.</p>}
      {schedules && schedules.length > 0 && (
        <nav aria-label="Schedules">
          <ul class="schedule-tabs">
            {schedules.map((schedule) => (
              <li key={schedule.id}>
                <a href={onCallHref(schedule.id)} aria-current={schedule.id === shown ? 'page' : undefined}>
                  {schedule.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {schedules === null && error === null && <p class="loading">Loading schedules…</p>}
      {shown && <ScheduleDetail key={shown} id={shown} />}
      <EscalationPolicies />
      <PageHistory />
      <PagingSettings />
    </section>
  );
}
