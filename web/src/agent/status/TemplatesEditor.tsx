import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { createTemplate, templatesQuery, type IncidentStatus } from '../api/status.ts';
import { useApi } from '../session/session.tsx';
import { describedBy, FieldError } from './FieldError.tsx';
import { capitalise, incidentStatuses, isFieldless } from './statusFormat.ts';

/** The words agents reuse for common updates; the API creates and lists them (no edit or delete yet). */
export function TemplatesEditor() {
  const api = useApi();
  const queries = useQueryClient();
  const query = templatesQuery(api);
  const { data: templates } = useQuery(query);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<IncidentStatus>('investigating');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await createTemplate(api, { name, title, status, message });
      await queries.invalidateQueries({ queryKey: query.queryKey });
      setAdding(false);
      setName('');
      setTitle('');
      setMessage('');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <details class="status-templates">
      <summary>Update templates ({templates?.length ?? 0})</summary>
      <ul aria-label="Update templates">
        {templates?.map((t) => (
          <li key={t.id}>
            <strong>{t.name}</strong> <span class="hint">{capitalise(t.status)}</span>: {t.message}
          </li>
        ))}
      </ul>
      {!adding && (
        <button type="button" class="link-button" onClick={() => setAdding(true)}>
          New template
        </button>
      )}
      {adding && (
        <form class="status-form" onSubmit={submit} aria-label="New template">
          <label>
            Template name
            <input value={name} required maxLength={100} aria-describedby={describedBy(error, 'name', 'template-name-error')} onInput={(e) => setName(e.currentTarget.value)} />
            <FieldError error={error} field="name" id="template-name-error" />
          </label>
          <label>
            Incident title
            <input value={title} required maxLength={200} onInput={(e) => setTitle(e.currentTarget.value)} />
            <FieldError error={error} field="title" id="template-title-error" />
          </label>
          <label>
            Template status
            <select value={status} onChange={(e) => setStatus(e.currentTarget.value as IncidentStatus)}>
              {incidentStatuses.map((s) => (
                <option key={s} value={s}>
                  {capitalise(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Template message
            <textarea value={message} required maxLength={5000} onInput={(e) => setMessage(e.currentTarget.value)} />
            <FieldError error={error} field="message" id="template-message-error" />
          </label>
          {error !== null && isFieldless(error, ['name', 'title', 'message']) && <ErrorMessage error={error} />}
          <button type="submit">Save template</button>{' '}
          <button type="button" class="link-button" onClick={() => setAdding(false)}>
            Cancel
          </button>
        </form>
      )}
    </details>
  );
}
