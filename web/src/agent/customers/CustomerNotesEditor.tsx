import { useState } from 'preact/hooks';
import { formatDateTime } from '../../shared/format/relativeTime.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { notesMaxLength, saveCustomerNotes, type CustomerNotes } from '../api/customers.ts';
import { useApi } from '../session/session.tsx';

/** The team's notes about a customer: a text area and Save; says who saved them last, and when. */
export function CustomerNotesEditor({ email, notes }: { email: string; notes: CustomerNotes | null }) {
  const api = useApi();
  const [saved, setSaved] = useState(notes);
  const [text, setText] = useState(notes?.text ?? '');
  const [state, setState] = useState<{ saving: boolean; error: unknown }>({ saving: false, error: null });

  const save = async (event: Event) => {
    event.preventDefault();
    setState({ saving: true, error: null });
    try {
      const result = await saveCustomerNotes(api, email, text);
      setSaved(result);
      setText(result.text);
      setState({ saving: false, error: null });
    } catch (error) {
      setState({ saving: false, error });
    }
  };

  return (
    <form class="customer-notes" onSubmit={save}>
      <label>
        Notes
        <textarea maxLength={notesMaxLength} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <button type="submit" disabled={state.saving || text === (saved?.text ?? '')}>
        {state.saving ? 'Saving…' : 'Save notes'}
      </button>
      {saved && (
        <p class="hint">
          Saved by {saved.updatedBy.name ?? saved.updatedBy.id}, {formatDateTime(new Date(saved.updatedAt))}
        </p>
      )}
      {state.error !== null && <ErrorMessage error={state.error} />}
    </form>
  );
}
