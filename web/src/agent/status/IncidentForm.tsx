import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { NamedOptions, Options } from '../../shared/ui/Options.tsx';
import { templatesQuery, type IncidentImpact, type IncidentStatus, type StatusComponent } from '../api/status.ts';
import { useApi } from '../session/session.tsx';
import { describedBy, FieldError } from './FieldError.tsx';
import { capitalise, componentStates, impacts, incidentStatuses, isFieldless, stateLabel, type State } from './statusFormat.ts';

export interface IncidentDraft {
  title: string;
  impact: IncidentImpact | null;
  status: IncidentStatus;
  message: string;
  components: Array<{ id: string; state: State }>;
  notify: boolean;
}

/**
 * Opening an incident (`mode` "open": title and impact required) or posting its next update (impact may be revised):
 * status, message, the states the update puts components in, and whether subscribers are told. A template fills
 * the words.
 */
export function IncidentForm({
  mode,
  components,
  onSubmit,
  submitLabel,
}: {
  mode: 'open' | 'update';
  components: StatusComponent[];
  onSubmit: (draft: IncidentDraft) => Promise<void>;
  submitLabel: string;
}) {
  const { data: templates } = useQuery(templatesQuery(useApi()));
  const [title, setTitle] = useState('');
  const [impact, setImpact] = useState<IncidentImpact | ''>(mode === 'open' ? 'minor' : '');
  const [status, setStatus] = useState<IncidentStatus>(mode === 'open' ? 'investigating' : 'identified');
  const [message, setMessage] = useState('');
  const [states, setStates] = useState<Record<string, State | ''>>({});
  const [notify, setNotify] = useState(true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const prefix = `incident-${mode}`;

  const useTemplate = (id: string) => {
    const template = templates?.find((t) => t.id === id);
    if (!template) return;
    if (mode === 'open') setTitle(template.title);
    setStatus(template.status);
    setMessage(template.message);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSubmit({
        title,
        impact: impact || null,
        status,
        message,
        components: Object.entries(states).flatMap(([id, state]) => (state ? [{ id, state }] : [])),
        notify,
      });
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };
  return (
    <form class="status-form" onSubmit={submit} aria-label={mode === 'open' ? 'Open an incident' : 'Post an update'}>
      {templates && templates.length > 0 && (
        <label>
          Template
          <select value="" onChange={(e) => useTemplate(e.currentTarget.value)}>
            <option value="">Start from a template…</option>
            <NamedOptions items={templates} />
          </select>
        </label>
      )}
      {mode === 'open' && (
        <label>
          Title
          <input value={title} maxLength={200} required aria-describedby={describedBy(error, 'title', `${prefix}-title-error`)} onInput={(e) => setTitle(e.currentTarget.value)} />
          <FieldError error={error} field="title" id={`${prefix}-title-error`} />
        </label>
      )}
      <div class="inline-fields">
        <label>
          Impact
          <select value={impact} onChange={(e) => setImpact(e.currentTarget.value as IncidentImpact | '')}>
            {mode === 'update' && <option value="">Unchanged</option>}
            <Options values={impacts} label={capitalise} />
          </select>
          <FieldError error={error} field="impact" id={`${prefix}-impact-error`} />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as IncidentStatus)}>
            <Options values={incidentStatuses} label={capitalise} />
          </select>
          <FieldError error={error} field="status" id={`${prefix}-status-error`} />
        </label>
      </div>
      <label>
        Message
        <textarea value={message} maxLength={5000} required aria-describedby={describedBy(error, 'message', `${prefix}-message-error`)} onInput={(e) => setMessage(e.currentTarget.value)} />
        <FieldError error={error} field="message" id={`${prefix}-message-error`} />
      </label>
      {components.length > 0 && (
        <fieldset>
          <legend>Affected components</legend>
          {status === 'resolved' && <p class="hint">Resolving returns every affected component you do not set here to operational.</p>}
          {components.map((c) => (
            <label key={c.id} class="status-component-state">
              {c.name} <span class="hint">(now {stateLabel(c.state as State).toLowerCase()})</span>
              <select aria-label={`State of ${c.name}`} value={states[c.id] ?? ''} onChange={(e) => setStates({ ...states, [c.id]: e.currentTarget.value as State | '' })}>
                <option value="">{mode === 'open' ? 'Not affected' : 'No change'}</option>
                <Options values={componentStates} label={stateLabel} />
              </select>
            </label>
          ))}
          <FieldError error={error} field="components" id={`${prefix}-components-error`} />
        </fieldset>
      )}
      <label class="checkbox">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.currentTarget.checked)} /> Notify subscribers
      </label>
      {error !== null && isFieldless(error, ['title', 'impact', 'status', 'message', 'components']) && <ErrorMessage error={error} />}
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
