import './oncall.css';
import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { onCallKey, schedulesQuery } from '../api/oncall.ts';
import { onCallHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { EscalationPolicies } from './EscalationPolicies.tsx';
import { PageHistory } from './PageHistory.tsx';
import { PagingSettings } from './PagingSettings.tsx';
import { ScheduleDetail } from './ScheduleDetail.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';

/**
 * `/oncall`: the schedules, and the chosen one's next two weeks (the first one when none is chosen); below, the
 * mailboxes' escalation policies, the page history and the agent's own page webhook.
 */
export function OnCallPage({ scheduleId }: { scheduleId?: string }) {
  const queries = useQueryClient();
  const { route } = useLocation();
  const { data: schedules, error, isPending } = useQuery(schedulesQuery(useApi()));
  const [creating, setCreating] = useState(false);

  const shown = scheduleId ?? schedules?.[0]?.id ?? null;
  return (
    <section class="oncall" aria-labelledby="oncall-title">
      <div class="oncall-heading">
        <h1 id="oncall-title">On call</h1>
        <button type="button" onClick={() => setCreating(!creating)}>
          {creating ? 'Cancel' : 'New schedule'}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      {creating && (
        <ScheduleForm
          onCreated={(id) => {
            setCreating(false);
            void queries.invalidateQueries({ queryKey: onCallKey });
            route(onCallHref(id));
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
      {isPending && <p class="loading">Loading schedules…</p>}
      {shown && <ScheduleDetail key={shown} id={shown} />}
      <EscalationPolicies />
      <PageHistory />
      <PagingSettings />
    </section>
  );
}
