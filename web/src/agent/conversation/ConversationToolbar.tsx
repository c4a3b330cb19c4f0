import { useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { formatDateTime } from '../../shared/format/relativeTime.ts';
import type { Conversation } from '../api/conversations.ts';
import { updateConversation, type AssigneeList, type ConversationChange, type ConversationState } from '../api/toolkit.ts';
import { useApi } from '../session/session.tsx';
import { parseLocalDateTime, snoozePresets } from './snoozePresets.ts';
import { TagEditor } from './TagEditor.tsx';

interface ToolbarProps {
  conversation: Conversation;
  assignees: AssigneeList;
  onChanged: (state: ConversationState) => void;
}

/** Status (with snooze presets), assignee and tags: each change is one PATCH, and the header shows the answer. */
export function ConversationToolbar({ conversation, assignees, onChanged }: ToolbarProps) {
  const api = useApi();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [custom, setCustom] = useState('');
  const snoozeMenu = useRef<HTMLDetailsElement>(null);

  const change = async (body: ConversationChange) => {
    setBusy(true);
    setError(null);
    try {
      const state = await updateConversation(api, conversation.id, body);
      if (state) onChanged(state);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const snooze = (until: Date) => {
    if (snoozeMenu.current) snoozeMenu.current.open = false;
    return change({ status: 'snoozed', snoozedUntil: until.toISOString() });
  };
  const customUntil = parseLocalDateTime(custom);
  const { status, assigneeId, snoozedUntil } = conversation;

  return (
    <div class="conversation-toolbar" role="toolbar" aria-label="Conversation actions">
      <div class="toolbar-group" role="group" aria-label="Status">
        {status !== 'open' && (
          <button type="button" disabled={busy} onClick={() => change({ status: 'open' })}>
            Reopen
          </button>
        )}
        {status !== 'pending' && (
          <button type="button" disabled={busy} onClick={() => change({ status: 'pending' })}>
            Mark pending
          </button>
        )}
        {status !== 'closed' && (
          <button type="button" disabled={busy} onClick={() => change({ status: 'closed' })}>
            Close
          </button>
        )}
        <details class="snooze-menu" ref={snoozeMenu}>
          <summary>Snooze</summary>
          <div class="snooze-options">
            {snoozePresets(new Date()).map((preset) => (
              <button key={preset.label} type="button" disabled={busy} title={formatDateTime(preset.until)} onClick={() => snooze(preset.until)}>
                {preset.label}
              </button>
            ))}
            <label>
              Until
              <input type="datetime-local" value={custom} onInput={(event) => setCustom(event.currentTarget.value)} />
            </label>
            <button type="button" disabled={busy || customUntil === null} onClick={() => customUntil && snooze(customUntil)}>
              Snooze until then
            </button>
          </div>
        </details>
        {status === 'snoozed' && snoozedUntil && (
          <span class="snoozed-until">Snoozed until {formatDateTime(new Date(snoozedUntil))}</span>
        )}
      </div>
      <div class="toolbar-group">
        <label>
          Assignee{' '}
          <select
            value={assigneeId ?? ''}
            disabled={busy}
            onChange={(event) => change({ assigneeId: event.currentTarget.value || null })}
          >
            <option value="">Unassigned</option>
            {assigneeId && !assignees.items.some((agent) => agent.id === assigneeId) && <option value={assigneeId}>{assigneeId}</option>}
            {assignees.items.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
        </label>
        {assignees.me && assigneeId !== assignees.me && (
          <button type="button" disabled={busy} onClick={() => change({ assigneeId: assignees.me })}>
            Assign to me
          </button>
        )}
      </div>
      <TagEditor tags={conversation.tags} disabled={busy} onChange={(tags) => change({ tags })} />
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}
