import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { QueryStatus } from '../../shared/ui/QueryStatus.tsx';
import { policiesQuery } from '../api/escalation.ts';
import { schedulesQuery } from '../api/oncall.ts';
import { useApi } from '../session/session.tsx';
import { PolicyEditor } from './PolicyEditor.tsx';

/** Escalation per mailbox: who is paged when a new conversation goes unanswered. One editor for the chosen mailbox. */
export function EscalationPolicies() {
  const api = useApi();
  const queries = useQueryClient();
  const policies = policiesQuery(api);
  const { data: views, error, isPending } = useQuery(policies);
  const schedules = useQuery(schedulesQuery(api)).data ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  // After a 409 the editor starts again from the policy as it is now (a new key drops the stale draft).
  const [edition, setEdition] = useState(0);
  const reload = () => void queries.invalidateQueries({ queryKey: policies.queryKey }).then(() => setEdition((n) => n + 1));

  const shown = views?.find((view) => view.mailbox === chosen) ?? views?.[0];
  return (
    <section class="escalation" aria-labelledby="escalation-title">
      <h2 id="escalation-title">Escalation</h2>
      <QueryStatus error={error} pending={isPending} loading="Loading policies…" />
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
            key={`${shown.mailbox} ${edition}`}
            view={shown}
            schedules={schedules}
            onSaved={(saved) => queries.setQueryData(policies.queryKey, (list) => list && { items: list.items.map((view) => (view.mailbox === saved.mailbox ? saved : view)) })}
            onReload={reload}
          />
        </>
      )}
    </section>
  );
}
