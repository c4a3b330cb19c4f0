import { useMutation } from '@tanstack/preact-query';
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
  const save = useMutation({
    mutationFn: () => saveCustomerNotes(api, email, text),
    onSuccess: (result) => {
      setSaved(result);
      setText(result.text);
    },
  });

  return (
    <form
      class="customer-notes"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <label>
        Notes
        <textarea maxLength={notesMaxLength} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <button type="submit" disabled={save.isPending || text === (saved?.text ?? '')}>
        {save.isPending ? 'Saving…' : 'Save notes'}
      </button>
      {saved && (
        <p class="hint">
          Saved by {saved.updatedBy.name ?? saved.updatedBy.id}, {formatDateTime(new Date(saved.updatedAt))}
        </p>
      )}
      {save.error && <ErrorMessage error={save.error} />}
    </form>
  );
}
