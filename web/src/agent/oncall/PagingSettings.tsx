import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { setPageWebhook } from '../api/escalation.ts';
import { useApi, useCurrentAgent } from '../session/session.tsx';

/** The signed-in agent's page webhook (Slack or Teams incoming webhook): pages are posted there as well as emailed. */
export function PagingSettings() {
  const api = useApi();
  const agentId = useCurrentAgent()?.id ?? null;
  const [url, setUrl] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!agentId) return;
    try {
      const result = await setPageWebhook(api, agentId, url.trim() === '' ? null : url.trim());
      setError(null);
      setSaved(result.webhookUrl ? 'Pages will also be posted to that webhook.' : 'Pages go by email only.');
    } catch (failure) {
      setSaved(null);
      setError(failure);
    }
  };

  return (
    <form class="panel paging-form" onSubmit={submit} aria-label="My paging">
      <h2>My paging</h2>
      {error !== null && <ErrorMessage error={error} />}
      <label>
        Page webhook URL
        <input type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://hooks.slack.com/services/…" />
      </label>
      <div class="form-actions">
        {saved && <span role="status">{saved}</span>}
        <button type="submit" disabled={!agentId}>
          Save webhook
        </button>
      </div>
    </form>
  );
}
