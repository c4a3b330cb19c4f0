import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api/problem.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { outreachTemplateQuery, putOutreachTemplate } from '../api/outreach.ts';
import { useApi } from '../session/session.tsx';

/** The team's outreach template: the words of the draft an error alert opens. Admins edit it; everyone else reads it. */
export function OutreachTemplateSettings({ isAdmin }: { isAdmin: boolean }) {
  const api = useApi();
  const queries = useQueryClient();
  const template = useQuery(outreachTemplateQuery(api));
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (template.data) {
      setSubject(template.data.subject);
      setBody(template.data.body);
    }
  }, [template.data]);

  if (template.isError) return <ErrorMessage error={template.error} />;
  if (!template.data) return null;

  const fields = error instanceof ApiError ? error.fields : {};
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    try {
      queries.setQueryData(outreachTemplateQuery(api).queryKey, await putOutreachTemplate(api, subject, body));
      setError(null);
      setSaved('Template saved.');
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form class="panel outreach-template" aria-label="Outreach template" onSubmit={(e) => void save(e)}>
      <h2>Outreach template</h2>
      <p>
        When your product reports an error for a customer, a draft to them starts from these words and waits for an
        agent to review and send it. Placeholders: {template.data.placeholders.join(', ')}.
      </p>
      <label>
        Outreach subject
        <input value={subject} readOnly={!isAdmin} maxLength={200} onInput={(e) => setSubject(e.currentTarget.value)} />
      </label>
      {fields['subject'] && <p class="field-error">{fields['subject']}</p>}
      <label>
        Outreach message
        <textarea value={body} readOnly={!isAdmin} rows={8} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      {fields['body'] && <p class="field-error">{fields['body']}</p>}
      {isAdmin ? <button type="submit">Save template</button> : <p>Only admins change the template.</p>}
      {template.data.updatedAt && (
        <p class="muted">
          Last changed by {template.data.updatedBy} on {new Date(template.data.updatedAt).toLocaleString()}.
        </p>
      )}
      {saved && <span role="status">{saved}</span>}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
