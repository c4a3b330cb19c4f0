import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { addNote, type AssigneeList } from '../api/toolkit.ts';
import { useApi } from '../session/session.tsx';

interface NoteComposerProps {
  conversationId: string;
  assignees: AssigneeList;
  /** Tells the page whether a draft is being written (presence says "replying"). */
  onDrafting: (drafting: boolean) => void;
  onAdded: () => void;
}

/** An internal note for the team, never emailed to the customer; @handle emails a teammate a link. */
export function NoteComposer({ conversationId, assignees, onDrafting, onAdded }: NoteComposerProps) {
  const api = useApi();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await addNote(api, conversationId, text);
      setText('');
      onDrafting(false);
      onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const handles = assignees.items.map((agent) => `@${agent.handles[0] ?? agent.id}`).join(', ');
  return (
    <form class="note-composer" onSubmit={submit}>
      <label for="note-text">Internal note</label>
      <textarea
        id="note-text"
        rows={3}
        value={text}
        disabled={busy}
        placeholder="Only your team sees this. Mention someone with @name."
        onInput={(event) => {
          setText(event.currentTarget.value);
          onDrafting(event.currentTarget.value.trim().length > 0);
        }}
      />
      {handles && <p class="hint">Mention: {handles}</p>}
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" disabled={busy || !text.trim()}>
        Add note
      </button>
    </form>
  );
}
