import { useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { openIncident, statusKey, type Incident, type StatusComponent } from '../api/status.ts';
import { statusIncidentHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { IncidentForm, type IncidentDraft } from './IncidentForm.tsx';
import { IncidentLabel } from './StatusBadge.tsx';
import { TemplatesEditor } from './TemplatesEditor.tsx';

/** Active incidents first, then those resolved in the last 90 days; opening one; the update templates. */
export function IncidentsPanel({ incidents, components }: { incidents: Incident[]; components: StatusComponent[] }) {
  const api = useApi();
  const queries = useQueryClient();
  const { route } = useLocation();
  const [opening, setOpening] = useState(false);
  const active = incidents.filter((i) => i.status !== 'resolved');
  const past = incidents.filter((i) => i.status === 'resolved');

  const open = async (draft: IncidentDraft) => {
    const incident = await openIncident(api, {
      title: draft.title,
      impact: draft.impact,
      status: draft.status,
      message: draft.message,
      components: draft.components,
      notify: draft.notify,
    });
    await queries.invalidateQueries({ queryKey: statusKey });
    setOpening(false);
    route(statusIncidentHref(incident.id));
  };
  return (
    <section class="status-panel" aria-labelledby="status-incidents-title">
      <div class="status-heading">
        <h2 id="status-incidents-title">Incidents</h2>
        <button type="button" onClick={() => setOpening(!opening)}>
          {opening ? 'Cancel' : 'Open an incident'}
        </button>
      </div>
      {opening && <IncidentForm mode="open" components={components} onSubmit={open} submitLabel="Open incident" />}
      <h3>Active</h3>
      {active.length === 0 ? <p class="empty">No active incidents.</p> : <IncidentList label="Active incidents" incidents={active} />}
      <h3>Past 90 days</h3>
      {past.length === 0 ? <p class="empty">No resolved incidents in the last 90 days.</p> : <IncidentList label="Past incidents" incidents={past} />}
      <TemplatesEditor />
    </section>
  );
}

function IncidentList({ label, incidents }: { label: string; incidents: Incident[] }) {
  return (
    <ul class="status-incidents" aria-label={label}>
      {incidents.map((i) => (
        <li key={i.id}>
          <a href={statusIncidentHref(i.id)}>{i.title}</a> <IncidentLabel kind="impact" value={i.impact} /> <IncidentLabel kind="status" value={i.status} />{' '}
          <time class="hint" dateTime={i.createdAt}>
            {new Date(i.createdAt).toLocaleString()}
          </time>
          {i.status === 'resolved' && !i.postmortem && <span class="hint"> · no post-mortem yet</span>}
        </li>
      ))}
    </ul>
  );
}
