import './status.css';
import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { componentsQuery, incidentQuery, postIncidentUpdate, statusKey, writePostmortem, type Incident } from '../api/status.ts';
import { publicIncidentHref, statusPageHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { describedBy, FieldError } from './FieldError.tsx';
import { IncidentForm, type IncidentDraft } from './IncidentForm.tsx';
import { IncidentLabel, StateBadge } from './StatusBadge.tsx';
import { capitalise, isFieldless, type State } from './statusFormat.ts';

/** `/status-page/incidents/{id}`: the incident's timeline, the form for its next update, and its post-mortem once resolved. */
export function IncidentPage({ id }: { id: string }) {
  const api = useApi();
  const queries = useQueryClient();
  const { data: incident, error } = useQuery(incidentQuery(api, id));
  const { data: components } = useQuery(componentsQuery(api));
  const [formKey, setFormKey] = useState(0);
  const name = (componentId: string) => components?.find((c) => c.id === componentId)?.name ?? componentId;

  const update = async (draft: IncidentDraft) => {
    await postIncidentUpdate(api, id, { status: draft.status, message: draft.message, components: draft.components, notify: draft.notify, impact: draft.impact });
    await queries.invalidateQueries({ queryKey: statusKey });
    setFormKey(formKey + 1);
  };
  return (
    <section class="status-page" aria-labelledby="incident-title">
      <p>
        <a href={statusPageHref}>← Status page</a>
      </p>
      {error && <ErrorMessage error={error} />}
      {!incident && !error && <p class="loading">Loading the incident…</p>}
      {incident && (
        <>
          <div class="status-heading">
            <h1 id="incident-title">{incident.title}</h1>
            <a href={publicIncidentHref(incident.id)} target="_blank" rel="noopener">
              View on the public page
            </a>
          </div>
          <p>
            <IncidentLabel kind="impact" value={incident.impact} /> <IncidentLabel kind="status" value={incident.status} />
          </p>
          {incident.components.length > 0 && (
            <ul class="status-components" aria-label="Affected components">
              {incident.components.map((cid) => {
                const component = components?.find((c) => c.id === cid);
                return (
                  <li key={cid}>
                    <span class="status-component-name">{name(cid)}</span> {component && <StateBadge state={component.state as State} />}
                  </li>
                );
              })}
            </ul>
          )}
          <h2>Updates</h2>
          <ol class="status-timeline" aria-label="Updates">
            {[...incident.updates].reverse().map((u) => (
              <li key={u.at}>
                <strong>{capitalise(u.status)}</strong> {u.message}{' '}
                <time class="hint" dateTime={u.at}>
                  {new Date(u.at).toLocaleString()}
                </time>
                {u.components.length > 0 && (
                  <span class="hint"> · {u.components.map((c) => `${name(c.componentId)}: ${capitalise(c.state)}`).join(', ')}</span>
                )}
                {u.notify && <span class="hint"> · subscribers notified</span>}
              </li>
            ))}
          </ol>
          {incident.status !== 'resolved' && components && (
            <>
              <h2>Post an update</h2>
              <IncidentForm key={formKey} mode="update" components={components} onSubmit={update} submitLabel="Post update" />
            </>
          )}
          {incident.status === 'resolved' && <Postmortem incident={incident} />}
        </>
      )}
    </section>
  );
}

function Postmortem({ incident }: { incident: Incident }) {
  const api = useApi();
  const queries = useQueryClient();
  const [text, setText] = useState(incident.postmortem ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await writePostmortem(api, incident.id, text);
      await queries.invalidateQueries({ queryKey: statusKey });
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form class="status-form" onSubmit={submit} aria-label="Post-mortem">
      <h2>Post-mortem</h2>
      <label>
        Post-mortem text <span class="hint">(paragraphs separated by a blank line; shown on the public incident page)</span>
        <textarea rows={8} value={text} required maxLength={30000} aria-describedby={describedBy(error, 'text', 'postmortem-error')} onInput={(e) => setText(e.currentTarget.value)} />
        <FieldError error={error} field="text" id="postmortem-error" />
      </label>
      {error !== null && isFieldless(error, ['text']) && <ErrorMessage error={error} />}
      <button type="submit">Save post-mortem</button> {saved && <span role="status">Saved and published.</span>}
    </form>
  );
}
