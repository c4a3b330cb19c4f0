import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { listPolicies, type PolicyView } from '../api/escalation.ts';
import { listSchedules, type ScheduleSummary } from '../api/oncall.ts';
import { useApiGet } from '../session/session.tsx';
import { PolicyEditor } from './PolicyEditor.tsx';

/** Escalation per mailbox: who is paged when a new conversation goes unanswered. One editor for the chosen mailbox. */
export function EscalationPolicies() {
  const get = useApiGet();
  const [views, setViews] = useState<PolicyView[] | null>(null);
  const [schedules, setSchedules] = useState<ScheduleSummary[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [policies, scheduleList] = await Promise.all([listPolicies(get, signal), listSchedules(get, signal)]);
        setViews(policies.items);
        setSchedules(scheduleList.items);
        setLoads((n) => n + 1);
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

  const shown = views?.find((view) => view.mailbox === chosen) ?? views?.[0];
  return (
    <section class="escalation" aria-labelledby="escalation-title">
      <h2 id="escalation-title">Escalation</h2>
      {error !== null && <ErrorMessage error={error} />}
      {views === null && error === null && <p class="loading">Loading policies…</p>}
      {views?.length === 0 && <p class="empty">No mailboxes are configured.</p>}
      {views && views.length > 1 && (
        <ul class="schedule-tabs" aria-label="Mailboxes">
          {views.map((view) => (
            <li key={view.mailbox}>
              <button type="button" class="link-button" aria-pressed={view.mailbox === shown?.mailbox} onClick={() => setChosen(view.mailbox)}>
                {view.mailbox}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown && (
        <>
          <h3>{shown.mailbox}</h3>
          <p class="hint">{shown.policy ? `Policy saved ${new Date(shown.updatedAt ?? '').toLocaleString()}.` : 'No policy yet: nobody is paged.'}</p>
          <PolicyEditor
            key={`${shown.mailbox} ${loads}`}
            view={shown}
            schedules={schedules}
            onSaved={(saved) => setViews(views!.map((view) => (view.mailbox === saved.mailbox ? saved : view)))}
            onReload={() => void load()}
          />
        </>
      )}
    </section>
  );
}
