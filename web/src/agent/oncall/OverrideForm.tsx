import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { addOverride } from '../api/oncall.ts';
import { useAssignees } from '../assignees/useAssignees.ts';
import { useApi } from '../session/session.tsx';

/** Someone covers an interval whatever the rota says. Start and end are in this browser's time zone. */
export function OverrideForm({ scheduleId, onAdded }: { scheduleId: string; onAdded: () => Promise<unknown> }) {
  const api = useApi();
  const { items: agents } = useAssignees();
  const [agentId, setAgentId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await addOverride(api, scheduleId, agentId, new Date(start), new Date(end));
      setAgentId('');
      setStart('');
      setEnd('');
      setError(null);
      await onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="panel override-form" onSubmit={submit} aria-label="Add an override">
      <h4>Add an override</h4>
      {error !== null && <ErrorMessage error={error} />}
      <label>
        Agent
        <select value={agentId} onChange={(e) => setAgentId(e.currentTarget.value)} required>
          <option value="">Choose an agent…</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name} ({agent.email})
            </option>
          ))}
        </select>
      </label>
      <label>
        From (your time)
        <input type="datetime-local" value={start} onInput={(e) => setStart(e.currentTarget.value)} required />
      </label>
      <label>
        Until (your time)
        <input type="datetime-local" value={end} onInput={(e) => setEnd(e.currentTarget.value)} required />
      </label>
      <button type="submit" disabled={saving}>
        Add override
      </button>
    </form>
  );
}
