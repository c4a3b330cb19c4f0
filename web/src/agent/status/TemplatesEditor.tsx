import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Options } from '../../shared/ui/Options.tsx';
import { createTemplate, deleteTemplate, templatesQuery, updateTemplate, type IncidentStatus, type IncidentTemplate } from '../api/status.ts';
import { useApi } from '../session/session.tsx';
import { describedBy, FieldError } from './FieldError.tsx';
import { capitalise, incidentStatuses, isFieldless } from './statusFormat.ts';

/** The words agents reuse for common updates: listed, added, edited and deleted here; picked in the incident forms. */
export function TemplatesEditor() {
  const api = useApi();
  const queries = useQueryClient();
  const query = templatesQuery(api);
  const { data: templates } = useQuery(query);
  const [editing, setEditing] = useState<IncidentTemplate | 'new' | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const remove = async (template: IncidentTemplate) => {
    if (!confirm(`Delete the template “${template.name}”?`)) return;
    setDeleteError(null);
    try {
      await deleteTemplate(api, template.id);
      await queries.invalidateQueries({ queryKey: query.queryKey });
    } catch (e) {
      setDeleteError(e);
    }
  };
  return (
    <details class="status-templates">
      <summary>Update templates ({templates?.length ?? 0})</summary>
      <ul aria-label="Update templates">
        {templates?.map((t) => (
          <li key={t.id}>
            <strong>{t.name}</strong> <span class="hint">{capitalise(t.status)}</span>: {t.message}{' '}
            <button type="button" class="link-button" aria-label={`Edit template ${t.name}`} onClick={() => setEditing(t)}>
              Edit
            </button>{' '}
            <button type="button" class="link-button" aria-label={`Delete template ${t.name}`} onClick={() => void remove(t)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      {deleteError !== null && <ErrorMessage error={deleteError} />}
      {editing === null && (
        <button type="button" class="link-button" onClick={() => setEditing('new')}>
          New template
        </button>
      )}
      {editing !== null && (
        <TemplateForm key={editing === 'new' ? 'new' : editing.id} template={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      )}
    </details>
  );
}

function TemplateForm({ template, onDone }: { template: IncidentTemplate | null; onDone: () => void }) {
  const api = useApi();
  const queries = useQueryClient();
  const [name, setName] = useState(template?.name ?? '');
  const [title, setTitle] = useState(template?.title ?? '');
  const [status, setStatus] = useState<IncidentStatus>(template?.status ?? 'investigating');
  const [message, setMessage] = useState(template?.message ?? '');
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const body = { name, title, status, message };
      if (template) await updateTemplate(api, template.id, body);
      else await createTemplate(api, body);
      await queries.invalidateQueries({ queryKey: templatesQuery(api).queryKey });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form class="status-form" onSubmit={submit} aria-label={template ? `Edit template ${template.name}` : 'New template'}>
      <label>
        Template name
        <input value={name} required maxLength={100} aria-describedby={describedBy(error, 'name', 'template-name-error')} onInput={(e) => setName(e.currentTarget.value)} />
        <FieldError error={error} field="name" id="template-name-error" />
      </label>
      <label>
        Incident title
        <input value={title} required maxLength={200} aria-describedby={describedBy(error, 'title', 'template-title-error')} onInput={(e) => setTitle(e.currentTarget.value)} />
        <FieldError error={error} field="title" id="template-title-error" />
      </label>
      <label>
        Template status
        <select value={status} onChange={(e) => setStatus(e.currentTarget.value as IncidentStatus)}>
          <Options values={incidentStatuses} label={capitalise} />
        </select>
      </label>
      <label>
        Template message
        <textarea value={message} required maxLength={5000} aria-describedby={describedBy(error, 'message', 'template-message-error')} onInput={(e) => setMessage(e.currentTarget.value)} />
        <FieldError error={error} field="message" id="template-message-error" />
      </label>
      {error !== null && isFieldless(error, ['name', 'title', 'message']) && <ErrorMessage error={error} />}
      <button type="submit">Save template</button>{' '}
      <button type="button" class="link-button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
